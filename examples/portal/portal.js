// The example portal: plain JS over the ulo package, as a council's web team might write it.
// It scores the worked example and imports an OCDS file the user chooses. The page decides
// nothing itself: every figure shown is one the engine returned.

import { init, shippedProtocol, initFailure } from './ulo/ulo.js';

const $ = (id) => document.getElementById(id);

function el(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = text;
  if (className) e.className = className;
  return e;
}

function table(caption, headers, rows, id, rowHeader = 1) {
  const t = el('table');
  if (id) t.id = id;
  t.append(el('caption', caption));
  const head = el('thead');
  const hr = el('tr');
  for (const h of headers) {
    const th = el('th', h);
    th.scope = 'col';
    hr.append(th);
  }
  head.append(hr);
  const body = el('tbody');
  for (const cells of rows) {
    const tr = el('tr');
    cells.forEach((c, i) => {
      // One column names the row (a bidder, a field).
      if (i === rowHeader) {
        const th = el('th', c.text ?? c);
        th.scope = 'row';
        tr.append(th);
      } else {
        tr.append(el('td', c.text ?? c, c.className));
      }
    });
    body.append(tr);
  }
  t.append(head, body);
  // A wide table scrolls within its own region on narrow screens; keyboard users reach it too.
  const wrap = el('div', undefined, 'scroll');
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', caption);
  wrap.append(t);
  return wrap;
}

function showErrors(errors) {
  const box = $('errors');
  box.replaceChildren();
  if (!errors || errors.length === 0) return;
  box.append(el('p', 'The engine could not use that document:'));
  const ul = el('ul');
  for (const e of errors) {
    ul.append(el('li', `${e.message}${e.pointer ? ` (at ${e.pointer})` : ''}. ${e.help}`));
  }
  box.append(ul);
}

function findingsList(list, findings) {
  list.replaceChildren();
  for (const f of findings) {
    const li = el('li');
    const barrier = f.status === 'barrier';
    li.append(el('span', barrier ? 'Barrier' : 'Not stated', barrier ? 'barrier' : 'not-stated'));
    li.append(` (${f.severity}) ${f.title}${f.lot ? `, lot ${f.lot}` : ''}: ${f.finding}`);
    list.append(li);
  }
}

async function text(path) {
  const r = await fetch(path);
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return r.text();
}

async function main() {
  if (!(await init())) {
    $('status').textContent = `The engine could not be loaded: ${initFailure()}`;
    return;
  }
  const engine = shippedProtocol();
  const [tender, bids] = await Promise.all([text('data/example-tender.json'), text('data/example-bids.json')]);

  const check = engine.checkTender(tender);
  if (check.type === 'failure') return showErrors(check.errors);
  $('check-headline').textContent = check.result.summary.headline;
  findingsList($('check-findings'), check.result.findings);

  const scored = engine.score(tender, bids);
  if (scored.type === 'failure') return showErrors(scored.errors);
  const box = $('rankings');
  box.replaceChildren();
  for (const lot of scored.result.lots) {
    box.append(
      table(
        `${lot.title} (lot ${lot.lot})`,
        ['Rank', 'Bidder', 'Total marks', 'Price (GBP)', 'Notes'],
        lot.ranking.map((r) => [
          { text: String(r.rank), className: 'num' },
          r.bidder,
          { text: r.total, className: 'num' },
          { text: r.price, className: 'num' },
          [r.tie ? r.tie.reason : '', r.flags.length ? `flags: ${r.flags.join(', ')}` : ''].filter(Boolean).join('; '),
        ]),
        `ranking-${lot.lot}`,
      ),
    );
  }
  $('status').textContent = `Scored ${scored.result.bids.length} bids with ${engine.protocol.title} (version ${engine.protocol.version}).`;

  $('ocds-file').addEventListener('change', async (event) => {
    const file = event.target.files && event.target.files[0];
    if (!file) return;
    showImport(engine, file.name, await file.text());
  });
}

function showImport(engine, name, ocds) {
  const out = $('import-result');
  out.replaceChildren();
  const answer = engine.importOcds(ocds);
  if (answer.type === 'failure') {
    showErrors(answer.errors);
    $('status').textContent = `${name} could not be imported.`;
    return;
  }
  showErrors([]);
  const r = answer.result;
  const summary = el('p', `${name}: ${r.mapped.length} values mapped, ${r.not_mapped.length} present but not used, ${r.to_supply.length} still to supply. `
    + (r.complete ? 'The draft tender is complete enough to check.' : 'The draft tender needs the required values below before it can be checked.'));
  summary.id = 'import-summary';
  out.append(summary);
  for (const w of answer.warnings) out.append(el('p', w.message));

  const heading = (t) => out.append(el('h3', t));
  heading('What was mapped');
  out.append(table('OCDS values carried into the draft tender', ['ulo field', 'OCDS field', 'Value', 'Note'],
    r.mapped.map((m) => [m.to, m.from, typeof m.value === 'string' ? m.value : JSON.stringify(m.value), m.note || '']), 'import-mapped', 0));
  heading('Still to supply');
  const supply = el('ul');
  supply.id = 'import-to-supply';
  for (const s of r.to_supply) supply.append(el('li', `${s.field}${s.required ? ' (required)' : ''}: ${s.reason}`));
  out.append(supply);
  heading('Present in the notice but not used');
  const skipped = el('ul');
  skipped.id = 'import-not-mapped';
  for (const n of r.not_mapped) skipped.append(el('li', `${n.from} (${n.found}): ${n.reason}`));
  out.append(skipped);
  if (r.complete) {
    const check = engine.checkTender(r.tender);
    if (check.type === 'success') {
      heading('Barrier check of the imported tender');
      const p = el('p', check.result.summary.headline);
      p.id = 'import-check-headline';
      out.append(p);
      const ul = el('ul');
      findingsList(ul, check.result.findings);
      out.append(ul);
    }
  }
  $('status').textContent = `Imported ${name}.`;
}

main().catch((e) => {
  $('status').textContent = `The example could not run: ${e.message}`;
});
