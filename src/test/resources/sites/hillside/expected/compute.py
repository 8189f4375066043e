#!/usr/bin/env python3
"""The answers lottrace must give for the Hillside Foods site, computed from the raw exports alone.

Reads ../exports/ (and ../later/ for the state after the later item master) with nothing but the standard library
(csv, no YAML, no lottrace code), and writes the JSON files beside this script:

  ingest.json              what each ingestion must report: rows read, rejected (with the reason), pending, superseded
  complaint-AH26224.json   the complaint: the batch, its ingredient lots, its customers (rework included), every
                           shipment reached from its ingredient lots, the mass balance of every lot reached;
                           before and after the later item master
  forward-0812-V-220.json  a forward trace of the Food Traceability List peanut butter lot 0812 of Peñasco
                           (Apiario Nuñez's honey lot 0812 is another lot)
  backward-AH26231.json    a backward trace of the batch that broken bars of AH26224 were reworked into

Facts of the site that no export holds (and that the mappings in jobs/examples/hillside say too):
  - the plant is PLANT-1; the shipping system's warehouse codes are MAIN (the plant) and WH1 (WH-1);
  - receipts' lot codes are the vendors' (the vendor assigned them); lots made here are assigned by PLANT-1;
  - the scales scan internal lot numbers: a receipt's "Int Lot" or a completion's "Int Lot" (pallet tag);
  - a later export repeating a key (receipt line, work order and lot, ticket, BOL line, item) supersedes it.

Run it again after changing an export: python3 compute.py
"""
import csv
import datetime
import json
import os
import re
from collections import defaultdict, deque
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
SITE = os.path.dirname(HERE)
PLANT = "PLANT-1"
WAREHOUSES = {"MAIN": "PLANT-1", "WH1": "WH-1"}

# Units as the exports spell them, and what one of each is (mass in kg, counts in each); packages (bag, pail,
# case) are what the item master's "Pack Size" says.
SPELLINGS = {"KG": "kg", "LB": "lb", "DZ": "dozen", "CS": "case", "BG": "bag", "BAG": "bag", "PL": "pail"}
MASS_KG = {"kg": Decimal(1), "g": Decimal("0.001"), "lb": Decimal("0.45359237")}
COUNT_EACH = {"each": Decimal(1), "dozen": Decimal(12)}


def unit(text):
    return SPELLINGS.get(text.upper(), text.lower())


def rows(folders, prefix, delimiter):
    """(file, line, row) of every export whose name starts with prefix, in file-name order (the order of
    ingestion: a later file corrects an earlier one). Lines count the header, as an editor shows them."""
    files = sorted((name, folder) for folder in folders for name in os.listdir(folder) if name.startswith(prefix))
    for name, folder in files:
        with open(os.path.join(folder, name), encoding="cp1252", newline="") as f:
            reader = csv.DictReader(f, delimiter=delimiter)
            for row in reader:
                yield name, reader.line_num, row


def date(text, pattern, fmt):
    if not re.fullmatch(pattern, text):
        return None
    try:
        return datetime.datetime.strptime(text, fmt).date()
    except ValueError:
        return None


def mdyy(text):
    return date(text, r"\d{2}/\d{2}/\d{2}", "%m/%d/%y")


def mdyyyy(text):
    return date(text, r"\d{1,2}/\d{1,2}/\d{4}", "%m/%d/%Y")


def mdyyyy_hm(text):
    return date(text, r"\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}", "%m/%d/%Y %H:%M")


def number(text):
    return Decimal(text.replace(",", ""))


def plain(value):
    """A decimal as JSON: an int when whole, else a float rounded to 6 places."""
    value = Decimal(value).quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP).normalize()
    return int(value) if value == value.to_integral() else float(value)


class Site:
    """The site as the exports of the given folders show it."""

    def __init__(self, folders):
        self.folders = folders
        self.read = defaultdict(int)          # export file -> rows read
        self.rejected = []                    # rows wrong in themselves
        self.pending = []                     # rows that wait for master data
        self.superseded = 0
        self.items = {}
        self.locations = {PLANT: "Hillside Foods", "WH-1": "Hillside Foods Warehouse"}
        self.lots = {}                        # (code, assigner) -> product
        self.alias = {}                       # internal lot number -> (code, assigner)
        self.received = defaultdict(list)     # lot -> [(qty, unit)]
        self.produced = {}                    # lot -> completion
        self.output_of = {}                   # work order -> lot
        self.inputs = defaultdict(list)       # work order -> [ticket]
        self.shipments = {}                   # (bol, line) -> shipment
        self._master()
        self._receipts()
        self._completions()
        self._tickets()
        self._shipments()

    def _count(self, name, keys, key):
        self.read[name] += 1
        if key in keys:
            self.superseded += 1
        keys.add(key)

    def _master(self):
        keys = set()
        for name, _, r in rows(self.folders, "itemmaster_", ";"):
            self._count(name, keys, r["Item"])
            self.items[r["Item"]] = r
        keys = set()
        for name, _, r in rows(self.folders, "vendors_", ";"):
            self._count(name, keys, r["Vendor"])
            self.locations[r["Vendor"]] = r["Name"]
        keys = set()
        for name, _, r in rows(self.folders, "shiptos_", ";"):
            self._count(name, keys, r["Ship To"])
            self.locations[r["Ship To"]] = r["Name"]

    def _held(self, name, line, r, field, value, date_ok, product=None):
        """Whether a row must be set aside: rejected for a bad date, pending for a product not in master data."""
        if not date_ok:
            self.rejected.append({"file": name, "line": line, "field": field, "value": value})
            return True
        if product is not None and product not in self.items:
            self.pending.append({"file": name, "line": line, "waitsFor": "product " + product + " in master data",
                                 "lot": r.get("Vendor Lot") or r.get("Lot"), "internalLot": r.get("Int Lot")})
            return True
        return False

    def _receipts(self):
        keys = set()
        for name, line, r in rows(self.folders, "receipts_", ";"):
            self._count(name, keys, (r["Receipt"], r["Line"]))
            day = mdyy(r["Rcv Date"])
            if self._held(name, line, r, "event_date", r["Rcv Date"], day is not None, r["Item"]):
                continue
            lot = (r["Vendor Lot"], r["Vendor"])
            self.lots[lot] = r["Item"]
            self.alias[r["Int Lot"]] = lot
            self.received[lot].append({"date": day, "quantity": number(r["Qty"]), "unit": unit(r["UoM"]),
                                       "po": r["PO"]})

    def _completions(self):
        keys = set()
        for name, line, r in rows(self.folders, "wo_complete_", ";"):
            self._count(name, keys, (r["WO"], r["Lot"]))
            day = mdyy(r["Completed"])
            if self._held(name, line, r, "event_date", r["Completed"], day is not None, r["Item"]):
                continue
            lot = (r["Lot"], PLANT)
            self.lots[lot] = r["Item"]
            self.alias[r["Int Lot"]] = lot
            self.output_of[r["WO"]] = lot
            self.produced[lot] = {"workOrder": r["WO"], "completed": day.isoformat(), "product": r["Item"],
                                  "quantity": number(r["Qty"]), "unit": unit(r["UoM"])}

    def _tickets(self):
        keys = set()
        for name, line, r in rows(self.folders, "scale_tickets_", "\t"):
            self._count(name, keys, r["Ticket"])
            if self._held(name, line, r, "event_time", r["Weighed"], mdyyyy_hm(r["Weighed"]) is not None):
                continue
            self.inputs[r["WO"]].append({"scanned": r["Scanned Lot"], "quantity": number(r["Net"]),
                                         "unit": unit(r["UoM"]), "ticket": r["Ticket"], "file": name, "line": line})

    def _shipments(self):
        keys = set()
        for name, line, r in rows(self.folders, "shipments_", ";"):
            self._count(name, keys, (r["BOL"], r["Line"]))
            day = mdyyyy(r["Ship Date"])
            if self._held(name, line, r, "event_date", r["Ship Date"], day is not None, r["Item"]):
                continue
            self.shipments[(r["BOL"], r["Line"])] = {
                "bol": r["BOL"], "line": int(r["Line"]), "date": day.isoformat(), "shipTo": r["Ship To"],
                "customer": r["Ship-To Name"], "shipFrom": WAREHOUSES[r["Whse"]], "lot": r["Lot"],
                "quantity": number(r["Qty"]), "unit": unit(r["UoM"])}

    # ------------------------------------------------------------------------------------------------ the lot graph

    def links(self):
        """(input lot, output lot, work order) for every ticket whose scanned number is known."""
        for wo, tickets in self.inputs.items():
            for t in tickets:
                if wo in self.output_of and t["scanned"] in self.alias:
                    yield self.alias[t["scanned"]], self.output_of[wo], wo

    def unlinked(self):
        """Tickets whose scanned number is no lot's: (work order, ticket)."""
        for wo, tickets in sorted(self.inputs.items()):
            for t in tickets:
                if t["scanned"] not in self.alias:
                    yield wo, t

    def backward(self, start):
        """Every ingredient lot of start, with its depth (nearest level)."""
        into = defaultdict(set)
        for i, o, _ in self.links():
            into[o].add(i)
        depth, queue = {}, deque([(start, 0)])
        while queue:
            lot, d = queue.popleft()
            for i in sorted(into[lot]):
                if i not in depth and i != start:
                    depth[i] = d + 1
                    queue.append((i, d + 1))
        return depth

    def forward(self, starts):
        out = defaultdict(set)
        for i, o, _ in self.links():
            out[i].add(o)
        seen, queue = set(starts), deque(starts)
        while queue:
            for o in out[queue.popleft()]:
                if o not in seen:
                    seen.add(o)
                    queue.append(o)
        return seen

    # ------------------------------------------------------------------------------------------------ quantities

    def per_unit(self, product, u):
        """How much of the product's base unit one u is, or None."""
        item = self.items[product]
        base = unit(item["Base UoM"])
        if u == base:
            return Decimal(1)
        if u in ("bag", "pail", "case"):
            return self.pack(product, base)
        if u in MASS_KG:
            if base in MASS_KG:
                return MASS_KG[u] / MASS_KG[base]
            pack = self.pack_in(product, MASS_KG)
            return MASS_KG[u] / pack if pack else None
        if u in COUNT_EACH and base in COUNT_EACH:
            return COUNT_EACH[u] / COUNT_EACH[base]
        return None

    def pack(self, product, base):
        """One package of the product in its base unit, from "Pack Size" ("50 lb", "15 dozen", "12 x 6 x 40 g")."""
        parts = self.items[product]["Pack Size"].replace(",", "").split()
        amount, u = Decimal(1), parts[-1]
        for p in parts[:-1]:
            if p != "x":
                amount *= Decimal(p)
        for table in (MASS_KG, COUNT_EACH):
            if u in table and base in table:
                return amount * table[u] / table[base]
        return None

    def pack_in(self, product, table):
        parts = self.items[product]["Pack Size"].replace(",", "").split()
        amount = Decimal(1)
        for p in parts[:-1]:
            if p != "x":
                amount *= Decimal(p)
        return amount * table[parts[-1]] if parts[-1] in table else None

    def balance(self, lot):
        product = self.lots[lot]
        base = unit(self.items[product]["Base UoM"])
        came = [(r["quantity"], r["unit"]) for r in self.received[lot]]
        if lot in self.produced:
            came.append((self.produced[lot]["quantity"], self.produced[lot]["unit"]))
        used = [(t["quantity"], t["unit"]) for wo, ts in self.inputs.items() for t in ts
                if self.alias.get(t["scanned"]) == lot and wo in self.output_of]
        shipped = [(s["quantity"], s["unit"]) for s in self.shipments.values() if (s["lot"], PLANT) == lot]
        total = lambda qs: sum((q * self.per_unit(product, u) for q, u in qs), Decimal(0))
        return {"lot": lot[0], "assigner": lot[1], "product": product, "unit": base, "in": plain(total(came)),
                "used": plain(total(used)), "shipped": plain(total(shipped))}

    # ------------------------------------------------------------------------------------------------ answers

    def lot_of(self, code, assigner=None):
        lots = [l for l in self.lots if l[0] == code and assigner in (None, l[1])]
        assert len(lots) == 1, (code, lots)
        return lots[0]

    def shipments_of(self, lots):
        codes = {l[0] for l in lots if l[1] == PLANT}
        return sorted((s for s in self.shipments.values() if s["lot"] in codes),
                      key=lambda s: (s["date"], s["bol"], s["line"]))

    def batch(self, lot):
        made = self.produced[lot]
        inputs = []
        for t in self.inputs[made["workOrder"]]:
            code, assigner = self.alias.get(t["scanned"], (None, None))
            inputs.append({"ticket": t["ticket"], "scanned": t["scanned"], "lot": code, "assigner": assigner,
                           "quantity": plain(t["quantity"]), "unit": t["unit"]})
        return dict(made, quantity=plain(made["quantity"]), inputs=inputs)

    def gaps(self, reached):
        """What in the scope of an answer over these lots could not become part of it: the inputs of their work
        orders whose scanned number is no lot's, and the pending or rejected rows that name one of the lots, one of
        their internal lot numbers, or the number such an input scanned."""
        orders = {self.produced[l]["workOrder"] for l in reached if l in self.produced}
        unlinked = [{"workOrder": wo, "scanned": t["scanned"], "file": t["file"], "line": t["line"]}
                    for wo, t in self.unlinked() if wo in orders]
        numbers = {n for n, l in self.alias.items() if l in reached} | {l[0] for l in reached}
        numbers |= {u["scanned"] for u in unlinked}
        held = [dict(p) for p in self.pending if p["lot"] in numbers or p["internalLot"] in numbers]
        return {"unlinkedInputs": unlinked, "pendingRows": held}

    def trace(self, code, assigner=None, direction="both"):
        start = self.lot_of(code, assigner)
        back = self.backward(start) if direction in ("both", "backward") else {}
        if direction == "both":
            fwd = self.forward([start] + sorted(back))
        elif direction == "forward":
            fwd = self.forward([start])
        else:
            fwd = set()
        reached = {start} | set(back) | fwd
        answer = {"lot": code, "assigner": start[1], "direction": direction, "lotsReached": len(reached)}
        if start in self.produced:
            answer["batch"] = self.batch(start)
        answer["ingredientLots"] = [
            {"depth": d, "lot": l[0], "assigner": l[1], "supplier": self.locations[l[1]], "product": self.lots[l]}
            for l, d in sorted(back.items(), key=lambda e: (e[1], e[0]))]
        if direction != "backward":
            answer["customersOfTheBatch"] = self.shipments_of(self.forward([start]))
            answer["shipments"] = self.shipments_of(fwd)
        answer["massBalance"] = [self.balance(l) for l in sorted(reached)]
        answer.update(self.gaps(reached))
        return answer


def as_json(value):
    if isinstance(value, Decimal):
        return plain(value)
    raise TypeError(value)


def write(name, content):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="\n") as f:
        json.dump(content, f, ensure_ascii=False, indent=2, default=as_json)
        f.write("\n")


def ingestion(site, before=None):
    """What an ingestion must report: of every export (before is None), or of the exports new since before."""
    if before is None:
        return {"exports": len(site.read), "rowsRead": sum(site.read.values()),
                "written": sum(site.read.values()) - len(site.rejected) - len(site.pending),
                "rejected": site.rejected, "pending": site.pending, "superseded": site.superseded}
    new = [f for f in site.read if f not in before.read]
    return {"exports": len(new), "rowsRead": sum(site.read[f] for f in new),
            "superseded": site.superseded - before.superseded,
            "pendingBecameRecords": [p for p in before.pending if p not in site.pending],
            "pendingLeft": site.pending}


def main():
    exports = os.path.join(SITE, "exports")
    before = Site([exports])
    after = Site([exports, os.path.join(SITE, "later")])
    write("ingest.json", {"exports": ingestion(before), "later": ingestion(after, before)})
    questions = {
        "complaint-AH26224.json": ("AH26224", None, "both"),
        "forward-0812-V-220.json": ("0812", "V-220", "forward"),
        "backward-AH26231.json": ("AH26231", None, "backward"),
    }
    for name, (code, assigner, direction) in questions.items():
        write(name, {"afterLaterItemMaster": after.trace(code, assigner, direction),
                     "beforeLaterItemMaster": before.trace(code, assigner, direction)})


if __name__ == "__main__":
    main()
