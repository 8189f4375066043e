// lottrace page: plain JavaScript, no build step, no network beyond this server.
'use strict';

const $ = (id) => document.getElementById(id);

function el(tag, attributes, ...children) {
	const node = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes || {})) {
		if (value !== null && value !== undefined) node.setAttribute(name, value);
	}
	for (const child of children.flat()) {
		if (child === null || child === undefined) continue;
		node.append(child instanceof Node ? child : document.createTextNode(String(child)));
	}
	return node;
}

function table(headers, rows, rowClass) {
	const head = el('tr', {}, headers.map((h) => el('th', { class: h.num ? 'num' : null }, h.label || h)));
	const body = rows.map((cells, i) => el('tr', { class: rowClass ? rowClass(i) : null },
		cells.map((c, j) => el('td', { class: headers[j].num ? 'num' : null }, c))));
	return el('table', {}, el('thead', {}, head), el('tbody', {}, body));
}

const quantity = (q, unit) => (q === null || q === undefined) ? '' : `${q} ${unit || ''}`.trim();

function message(text, info) {
	const box = $('message');
	box.textContent = text;
	box.className = info ? 'info' : '';
	box.hidden = !text;
}

// Requests to the API: the session cookie signs them in, the CSRF token (the XSRF-TOKEN cookie, sent back in the
// X-XSRF-TOKEN header) proves they come from this page. A 401 means the session ended: back to the login form.
function csrfToken() {
	const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
	return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : '';
}

async function api(url, options) {
	const headers = Object.assign({ 'X-Requested-With': 'XMLHttpRequest', 'X-XSRF-TOKEN': csrfToken() },
		(options && options.headers) || {});
	const response = await fetch(url, Object.assign({}, options, { headers, credentials: 'same-origin' }));
	if (response.status === 401) {
		window.location.assign('/login');
		throw new Error('signed out');
	}
	return response;
}

async function problem(response) {
	try {
		const body = await response.json();
		return body.detail || body.title || response.statusText;
	} catch (e) {
		return response.statusText;
	}
}

// --- search form -------------------------------------------------------------------------------------------

document.querySelectorAll('input[name=subject]').forEach((radio) => radio.addEventListener('change', () => {
	const product = document.querySelector('input[name=subject]:checked').value === 'product';
	document.querySelector('.subject-lot').hidden = product;
	document.querySelector('.subject-product').hidden = !product;
}));

$('trace-form').addEventListener('submit', async (event) => {
	event.preventDefault();
	const byProduct = document.querySelector('input[name=subject]:checked').value === 'product';
	const body = {
		lot: byProduct ? null : $('lot').value.trim(),
		assigner: byProduct ? null : $('assigner').value.trim() || null,
		product: byProduct ? $('product').value.trim() : null,
		from: byProduct ? $('from').value || null : null,
		to: byProduct ? $('to').value || null : null,
		direction: $('direction').value,
		reason: $('reason').value.trim() || null,
	};
	if (!byProduct && !body.lot) { message('Type the lot code printed on the package, or an internal lot number.'); return; }
	if (byProduct && !body.product) { message('Choose a product.'); return; }
	$('trace-button').disabled = true;
	message('Tracing…', true);
	try {
		let response = await api('/api/traces?wait=20000', {
			method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
		});
		if (!response.ok) { message(await problem(response)); return; }
		let view = await response.json();
		while (view.state === 'running') {
			await new Promise((resolve) => setTimeout(resolve, 400));
			response = await api(`/api/traces/${view.id}`);
			view = await response.json();
		}
		if (view.state === 'failed') { message(view.error || 'The trace failed.'); return; }
		message('');
		show(view);
	} catch (e) {
		message('The server could not be reached: ' + e.message);
	} finally {
		$('trace-button').disabled = false;
	}
});

// --- results -----------------------------------------------------------------------------------------------

function show(view) {
	const a = view.answers;
	$('result').hidden = false;
	$('result-title').textContent = 'Trace of ' + a.subject;
	$('result-summary').textContent = `${a.direction} · ${a.lots} lots reached · ${a.customers.length} shipments · `
		+ `traced in ${a.elapsedMillis} ms` + (a.reason ? ` · ${a.reason}` : '');
	downloads(view);
	$('verdict').textContent = a.verdict;
	$('verdict').className = 'verdict ' + (a.complete ? 'complete' : 'incomplete');
	$('gaps').replaceChildren(...(a.gaps.length ? [table(['Gap', 'Lot', 'What is missing, and why', 'Export line'],
		a.gaps.map((g) => [g.kind, g.lot || '', g.reason, g.file ? `${g.file} line ${g.line}` : '']))] : []));
	$('batch-title').textContent = a.batches.every((b) => b.madeHere) ? '1. Which batch' : '1. The lot';
	$('batches').replaceChildren(...a.batches.map((b) => el('div', {},
		el('p', {}, el('strong', {}, b.lot), ` ${b.productName || b.product || ''} — `,
			b.workOrder ? `work order ${b.workOrder}, completed ${b.completed} at ${b.site || ''}, ${quantity(b.quantity, b.unit)}`
				: `not made here: a lot of ${b.assigner}`),
		table(['Input lot', 'Product', 'Supplier', { label: 'Quantity used', num: true }, 'Ticket'],
			b.inputs.map((i) => [i.lot, i.productName || i.product || '', i.supplier || i.assigner,
				quantity(i.quantity, i.unit), i.ticket || ''])))));
	$('ingredients').replaceChildren(table(
		[{ label: 'Level', num: true }, 'Lot', 'Supplier', 'Product', 'Received or made', 'Went into'],
		a.ingredients.map((i) => [i.depth, i.lot, i.supplier || i.assigner,
			el('span', {}, i.productName || i.product || '', i.ftlCategory ? el('span', { class: 'tag' }, 'FTL') : null),
			i.received.map((r) => `${r.madeHere ? 'made' : 'received'} ${r.date}, ${quantity(r.quantity, r.unit)}`
				+ (r.reference ? ` (${r.reference})` : '')).join('; '),
			i.usedIn.join(', ')])));
	$('customers').replaceChildren(table(
		['Date', 'Customer', 'Address', 'Phone', 'Lot', { label: 'Quantity', num: true }, 'Bill of lading', 'Via'],
		a.customers.map((s) => [s.date, s.customer || s.shipTo, s.address || '', s.phone || '', s.lot,
			quantity(s.quantity, s.unit), s.billOfLading || '', s.ofTheBatch ? el('span', { class: 'tag' }, 'this batch') : s.via.join(', ')]),
		(i) => a.customers[i].ofTheBatch ? 'batch-customer' : null));
	const svg = view.files.find((f) => f.name === 'genealogy.svg');
	$('genealogy').replaceChildren(svg ? el('img', { src: svg.url, alt: 'Lot genealogy of ' + a.subject }) : 'No drawing.');
	$('balance').replaceChildren(table(
		['Lot', 'Product', { label: 'Received or produced', num: true }, { label: 'Used', num: true },
			{ label: 'Shipped', num: true }, { label: 'Remaining', num: true }, { label: 'Accounted for', num: true }, 'Notes'],
		a.massBalance.map((m) => [m.lot + (m.assigner ? ` (${m.assigner})` : ''), m.product || '',
			quantity(m.in, m.unit), quantity(m.used, m.unit), quantity(m.shipped, m.unit), quantity(m.remaining, m.unit),
			m.percentAccounted === null ? '' : m.percentAccounted + ' %', m.notes.join('; ')])));
	$('result').scrollIntoView({ behavior: 'smooth', block: 'start' });
}

function downloads(view) {
	const link = (name, label, primary) => {
		const file = view.files.find((f) => f.name === name);
		return file ? el('a', { href: file.url, class: primary ? 'primary' : null, download: primary ? name : null,
			target: name.endsWith('.html') ? '_blank' : null }, label) : null;
	};
	$('downloads').replaceChildren(
		link('fda-sortable-spreadsheet.xlsx', 'FDA sortable spreadsheet (XLSX)', true),
		link('trace-summary.html', 'Trace summary'),
		link('mock-recall.html', 'Mock-recall report'),
		link('csv/fda-shipping.csv', 'Shipping records (CSV)'),
		link('manifest.json', 'Manifest'));
}

// --- ingestion history ---------------------------------------------------------------------------------------

async function loadIngestions() {
	try {
		const response = await api('/api/ingestions?limit=12');
		if (!response.ok) { $('ingestions').textContent = await problem(response); return; }
		const runs = await response.json();
		$('ingestions').replaceChildren(runs.length ? table(
			['Started', 'Source', 'File', 'Status', { label: 'Read', num: true }, { label: 'Written', num: true },
				{ label: 'Rejected', num: true }, { label: 'Pending', num: true }, 'Rows held back'],
			runs.map((r) => [(r.started || '').replace('T', ' ').slice(0, 19), r.source, r.file,
				el('span', { class: 'tag ' + (r.status === 'COMPLETED' ? 'ok' : 'bad') }, r.status.toLowerCase()),
				r.read, r.written, r.rejected, r.pending,
				r.rejectsFile || r.pendingFile ? el('span', {},
					r.rejectsFile ? el('a', { href: `/api/ingestions/${r.id}/rejects` }, 'rejected rows') : null,
					r.rejectsFile && r.pendingFile ? ' · ' : null,
					r.pendingFile ? el('a', { href: `/api/ingestions/${r.id}/pending` }, 'pending rows') : null)
					: (r.error || '')]))
			: 'No ingestion yet.');
	} catch (e) {
		$('ingestions').textContent = 'The server could not be reached.';
	}
	loadHeld('pending', 'No row waits for other data.');
	loadHeld('rejected', 'No row was rejected.');
}

/** The rows held back, pending (with what each waits for) or rejected (with why). */
async function loadHeld(status, none) {
	try {
		const response = await api(`/api/${status}?limit=50`);
		if (!response.ok) { $(status).textContent = await problem(response); return; }
		const rows = await response.json();
		$(status).replaceChildren(rows.length ? table(
			['Source', 'File', { label: 'Line', num: true }, 'Lot', 'Work order',
				status === 'pending' ? 'Waits for' : 'Why'],
			rows.map((r) => [r.source, r.file, r.line, r.lotCode || '', r.workOrder || '',
				status === 'pending' ? r.waitsFor : r.reason]))
			: none);
	} catch (e) {
		$(status).textContent = 'The server could not be reached.';
	}
}

$('ingest-now').addEventListener('click', async () => {
	$('ingest-now').disabled = true;
	try {
		const response = await api('/api/ingestions/inbox', { method: 'POST' });
		if (!response.ok) { message(await problem(response)); return; }
		const run = await response.json();
		message(run.error ? 'Ingestion: ' + run.error
			: `Ingestion: ${run.files.length} file(s) taken, ${run.waiting.length} still being written.`, !run.error);
	} finally {
		$('ingest-now').disabled = false;
		loadIngestions();
	}
});

async function loadProducts() {
	try {
		const response = await api('/api/products');
		if (response.ok) {
			const products = await response.json();
			$('products').replaceChildren(...products.map((p) => el('option', { value: p.code }, p.name)));
		}
	} catch (e) {
		// the product list only helps typing
	}
}

// --- who is signed in ---------------------------------------------------------------------------------------

async function loadUser() {
	try {
		const response = await api('/api/me');
		if (!response.ok) return;
		const me = await response.json();
		$('user-name').textContent = me.name;
		$('ingest-now').hidden = !me.roles.includes('OPERATOR');
	} catch (e) {
		// signed out: api() went to the login form
	}
}

$('sign-out').addEventListener('click', async () => {
	await fetch('/logout', { method: 'POST', headers: { 'X-XSRF-TOKEN': csrfToken() }, credentials: 'same-origin' });
	window.location.assign('/login?logout');
});

loadUser();
loadIngestions();
loadProducts();
