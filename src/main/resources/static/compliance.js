// lottrace page, compliance: FDA records requests on their 24-hour clock, and KDE completeness. Uses the helpers of
// app.js ($, el, table, api, problem, message); plain JavaScript, no build step.
'use strict';

const compliance = { operator: false, requests: [] };

const codes = (text) => text.split(',').map((c) => c.trim()).filter((c) => c);

function when(instant) {
	return instant ? new Date(instant).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '';
}

/** Time left until the deadline, from this browser's clock: "21 h 05 min", or "overdue by 2 h 10 min". */
function timeLeft(deadline) {
	const seconds = Math.round((new Date(deadline).getTime() - Date.now()) / 1000);
	const abs = Math.abs(seconds);
	const text = `${Math.floor(abs / 3600)} h ${String(Math.floor((abs % 3600) / 60)).padStart(2, '0')} min`;
	return seconds < 0 ? { text: 'overdue by ' + text, overdue: true } : { text, overdue: false };
}

// --- FDA records requests ------------------------------------------------------------------------------------

async function loadRequests() {
	try {
		const response = await api('/api/fda-requests');
		if (!response.ok) { $('requests-open').textContent = await problem(response); return; }
		compliance.requests = await response.json();
		showRequests();
	} catch (e) {
		$('requests-open').textContent = 'The server could not be reached.';
	}
}

function showRequests() {
	const open = compliance.requests.filter((r) => r.status !== 'sent');
	const sent = compliance.requests.filter((r) => r.status === 'sent').slice(0, 10);
	$('requests-open').replaceChildren(open.length ? table(
		['Request', 'Asked by', 'Scope', 'Received', 'Due', 'Time left', 'Status', 'Spreadsheet', ''],
		open.map((r) => {
			const left = timeLeft(r.deadline);
			return [r.id, r.requester, r.subject, when(r.receivedAt), when(r.deadline),
				el('span', { class: 'clock' + (left.overdue ? ' overdue' : ''), 'data-deadline': r.deadline }, left.text),
				status(r), spreadsheet(r), actions(r)];
		}),
		(i) => timeLeft(open[i].deadline).overdue ? 'overdue' : null)
		: 'No open request.');
	$('requests-sent').replaceChildren(sent.length ? table(
		['Request', 'Asked by', 'Scope', 'Received', 'Due', 'Sent', 'To', { label: 'Files', num: true }],
		sent.map((r) => [r.id, r.requester, r.subject, when(r.receivedAt), when(r.deadline),
			when(r.sent.at) + (r.sent.late ? ' (late)' : '') + ` by ${r.sent.by}`, r.sent.to, r.sent.files.length]))
		: 'Nothing sent yet.');
}

/** Moves the clocks on without redrawing the table (what is typed in it stays). */
function tickClocks() {
	document.querySelectorAll('.clock[data-deadline]').forEach((clock) => {
		const left = timeLeft(clock.dataset.deadline);
		clock.textContent = left.text;
		clock.classList.toggle('overdue', left.overdue);
		clock.closest('tr').classList.toggle('overdue', left.overdue);
	});
}

function status(r) {
	if (r.producing && r.producing.state === 'running') return el('span', { class: 'tag' }, 'producing…');
	if (r.producing && r.producing.state === 'failed') return el('span', {}, el('span', { class: 'tag bad' }, 'failed'), ' ' + r.producing.error);
	return el('span', { class: 'tag' + (r.status === 'produced' ? ' ok' : '') }, r.status);
}

function spreadsheet(r) {
	if (!r.produced) return '';
	const xlsx = r.produced.files.find((f) => f.name === 'fda-sortable-spreadsheet.xlsx');
	return el('span', {}, xlsx ? el('a', { href: xlsx.url, download: xlsx.name, class: 'spreadsheet' }, 'XLSX') : null,
		` ${r.produced.records} records`, r.produced.gaps ? el('span', { class: 'tag bad' }, `${r.produced.gaps} gaps`) : null);
}

function actions(r) {
	if (!compliance.operator) return '';
	const produce = el('button', { type: 'button', class: 'small produce' }, r.produced ? 'Produce again' : 'Produce');
	produce.addEventListener('click', () => act(produce, `/api/fda-requests/${r.id}/produce?wait=20000`, {}));
	if (!r.produced) return produce;
	const to = el('input', { class: 'sent-to', placeholder: 'sent to, e.g. email to …@fda.hhs.gov' });
	const sent = el('button', { type: 'button', class: 'small mark-sent' }, 'Mark sent');
	sent.addEventListener('click', () => {
		if (!to.value.trim()) { message('Say to whom and how the spreadsheet was sent.'); to.focus(); return; }
		act(sent, `/api/fda-requests/${r.id}/sent`, { to: to.value.trim() });
	});
	return el('span', { class: 'actions' }, produce, ' ', to, sent);
}

async function act(button, url, body) {
	button.disabled = true;
	try {
		const response = await api(url, {
			method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
		});
		message(response.ok ? '' : await problem(response));
	} catch (e) {
		message('The server could not be reached: ' + e.message);
	} finally {
		button.disabled = false;
		await loadRequests();
	}
}

$('request-form').addEventListener('submit', async (event) => {
	event.preventDefault();
	const received = $('request-received').value;
	const body = {
		requester: $('request-requester').value.trim(),
		products: codes($('request-products').value),
		lots: codes($('request-lots').value),
		from: $('request-from').value || null,
		to: $('request-to').value || null,
		// the browser's local time, with its offset, so the service reads it as the person meant it
		receivedAt: received ? new Date(received).toISOString() : null,
	};
	if (!body.requester) { message('Say who asked: the agency and the person, as they gave it.'); return; }
	$('request-log').disabled = true;
	try {
		const response = await api('/api/fda-requests', {
			method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
		});
		if (!response.ok) { message(await problem(response)); return; }
		const logged = await response.json();
		message(`Logged ${logged.id}: its records are due ${when(logged.deadline)}.`, true);
		$('request-form').reset();
	} catch (e) {
		message('The server could not be reached: ' + e.message);
	} finally {
		$('request-log').disabled = false;
		await loadRequests();
	}
});

// --- KDE completeness ----------------------------------------------------------------------------------------

async function loadCompleteness() {
	try {
		const response = await api('/api/completeness');
		if (!response.ok) { $('completeness-rows').textContent = await problem(response); return; }
		const report = await response.json();
		const t = report.total;
		const gaps = t.missing + t.unlinked + t.pending + t.rejected;
		$('completeness-summary').textContent = gaps === 0 ? `Complete: ${t.records} records, nothing missing or held back.`
			: `${t.records} records: ${t.missing} lack KDEs, ${t.unlinked} inputs not linked, ${t.pending} rows pending, `
			+ `${t.rejected} rejected (checked in ${report.millis} ms).`;
		$('completeness-summary').className = 'verdict ' + (gaps === 0 ? 'complete' : 'incomplete');
		$('completeness-rows').replaceChildren(report.rows.length ? table(
			['Month', 'Source', 'CTE', { label: 'Records', num: true }, { label: 'Missing KDEs', num: true },
				'What is missing', { label: 'Inputs not linked', num: true }, { label: 'Pending', num: true },
				{ label: 'Rejected', num: true }, { label: 'TLC source assumed', num: true }],
			report.rows.map((r) => [r.month, r.source, r.cte, r.records, r.missing, missingText(r), r.unlinked,
				r.pending, r.rejected, r.assumed]),
			(i) => complete(report.rows[i]) ? null : 'gap')
			: 'No records yet.');
		$('completeness-fixes').replaceChildren(report.fixes.length ? table(
			['Kind', 'Code', 'Name', 'Missing', { label: 'Named by records', num: true }, 'Sources'],
			report.fixes.map((f) => [f.kind, f.code, f.name, f.problem, f.references, f.sources]))
			: 'Nothing: every location and product the records name is fully described.');
	} catch (e) {
		$('completeness-rows').textContent = 'The server could not be reached.';
	}
}

const complete = (r) => r.missing + r.unlinked + r.pending + r.rejected === 0;

function missingText(r) {
	return [[r.location, 'location description'], [r.product, 'product description'], [r.tlcSource, 'TLC source'],
		[r.requiredKde, 'required KDE']].filter(([n]) => n > 0).map(([n, what]) => `${what} ${n}`).join(', ');
}

// --- start -----------------------------------------------------------------------------------------------------

async function loadCompliance() {
	try {
		const response = await api('/api/me');
		if (response.ok) {
			compliance.operator = (await response.json()).roles.includes('OPERATOR');
			$('request-form').hidden = !compliance.operator;
		}
	} catch (e) {
		// signed out: api() went to the login form
	}
	await loadRequests();
	loadCompleteness();
	setInterval(tickClocks, 30000);
}

loadCompliance();
