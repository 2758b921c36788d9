// Input-to-paint in the app (issue 11): for each workload, the built app is served, the workload
// is put into it as its saved tender (as a reload after an earlier session finds it), and a mark
// is typed in the scoring grid again and again; each time, the time from the input event to the
// next paint that shows the bid's new total (the live region at the top of the page says
// "... scored Bidder 7 4 (...). Bidder 7: total 45.12 (was 45.00), still rank 1 ...").
// Run by `scripts/bench.sh paint`, which builds the app and generates the workloads first:
//   node bench/paint/run.mjs WORKLOADS LABEL=APP_DIR [LABEL=APP_DIR ...]
// WORKLOADS holds one folder per size (`12x25x4/`, ...) with protocol.json, tender.json and
// bids.json (bench/examples/dump.rs). Each APP_DIR is a built app (dist/app, or a copy built
// from another commit, to compare).
//
// How an edit is timed, in the page: performance.now() just before the input event is
// dispatched on the cell (the app handles it, re-reads and re-scores the workspace, renders and
// announces), a MutationObserver on the live region sees the announcement with the new total,
// and requestAnimationFrame then setTimeout(0) finds the end of the frame that painted it.
// "input to DOM" is the time to the mutation, "input to paint" to the end of that frame. The
// bid edited is the one ranked first in its lot, and its mark goes up one point and back
// again, so its total changes every time while every other bid keeps its rank (the app
// announces totals only when at most three bids change). PAINT_EDITS edits are timed (default
// 20) after 3 not timed.
//
// On a machine shared with other work, wall-clock times stretch with the load (the page waits
// for a core); so each edit's main-thread CPU time is also given (DevTools' ThreadTime metric,
// read before the edit and after its paint), which the load hardly moves: compare builds on it.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { startServer, launch } from '../../tests/e2e/harness.mjs';

const [workloads, ...apps] = process.argv.slice(2);
if (!workloads || apps.length === 0 || apps.some((a) => !a.includes('='))) {
  console.error('usage: node bench/paint/run.mjs WORKLOADS LABEL=APP_DIR [LABEL=APP_DIR ...]');
  process.exit(2);
}
const EDITS = Number(process.env.PAINT_EDITS || 20);
const WARM = 3;
const sizes = readdirSync(workloads).filter((d) => /^\d+x\d+x\d+$/.test(d))
  .sort((a, b) => Number(a.split('x')[0]) - Number(b.split('x')[0]));
const read = (size, name) => readFileSync(path.join(workloads, size, name), 'utf8');

/** The value at `q` (0..1) of sorted samples, by nearest rank. */
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];

/** Opens the app with the workload as its saved tender; gives the page on the scoring grid. */
async function load(context, origin, size) {
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e}`));
  await page.goto(`${origin}/`);
  // A fresh profile starts with the worked example saved under the first tender's key.
  await page.waitForFunction(() => localStorage.getItem('ulo.workspace') !== null);
  const save = {
    format: 2,
    protocol: read(size, 'protocol.json'),
    tender: JSON.parse(read(size, 'tender.json')),
    bids: JSON.parse(read(size, 'bids.json')),
  };
  await page.evaluate((s) => localStorage.setItem('ulo.workspace', s), JSON.stringify(save));
  await page.goto(`${origin}/#/results`);
  await page.reload();
  await page.waitForSelector('table.ranking tbody tr', { timeout: 120000 });
  const first = await page.$eval('table.ranking tbody tr', (tr) => ({ bid: tr.dataset.bid, bidder: tr.querySelector('th').innerText.trim() }));
  await page.click('#nav-scoring');
  await page.waitForSelector('#score-grid input', { timeout: 120000 });
  // The first bid's row, and a cell of it with room for one more point (the scale is 0 to 5).
  const cell = await page.$$eval('#score-grid tbody tr', (rows, bidder) => {
    const r = rows.findIndex((tr) => tr.querySelector('th').firstChild.textContent.trim() === bidder);
    const inputs = r < 0 ? [] : [...rows[r].querySelectorAll('input')];
    const i = inputs.find((x) => /^[0-4]$/.test(x.value));
    return i ? { id: i.id, value: Number(i.value) } : null;
  }, first.bidder);
  if (!cell) throw new Error(`${size}: no cell of ${first.bidder}'s row can go up a point`);
  return { page, bidder: first.bidder, cell };
}

/** Types `value` into the cell, in the page; the times to the DOM showing the new total and to
 * the end of the frame that painted it, in ms. */
function edit(page, id, value, bidder) {
  return page.evaluate(({ id, value, bidder }) => new Promise((resolve, reject) => {
    const region = document.getElementById('announce');
    const input = document.getElementById(id);
    const said = `scored ${bidder} ${value} (`;
    let t0 = 0;
    const timer = setTimeout(() => { obs.disconnect(); reject(new Error(`no announcement: "${region.innerText}"`)); }, 60000);
    const obs = new MutationObserver(() => {
      const text = region.textContent;
      if (!text.includes(said) || !text.includes(`${bidder}: total `)) return;
      const dom = performance.now() - t0;
      obs.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => setTimeout(() => resolve({ dom, paint: performance.now() - t0 }), 0));
    });
    obs.observe(region, { childList: true, subtree: true, characterData: true });
    input.focus();
    t0 = performance.now();
    input.value = String(value);
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: String(value) }));
  }), { id, value, bidder });
}

// Every build's page is open at once, and the builds take turns edit by edit, so that a slower
// moment of a busy machine falls on all of them alike.
/** The page's main-thread CPU time so far, in ms. */
async function threadTime(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'ThreadTime').value * 1000;
}

const rows = [];
const browser = await launch();
const servers = [];
try {
  const builds = [];
  for (const [n, app] of apps.entries()) {
    const [label, dir] = [app.slice(0, app.indexOf('=')), app.slice(app.indexOf('=') + 1)];
    const server = await startServer(path.resolve(dir), 8095 + n);
    servers.push(server);
    builds.push({ label, origin: server.origin });
  }
  for (const size of sizes) {
    const open = [];
    for (const b of builds) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const loaded = await load(context, b.origin, size);
      const cdp = await context.newCDPSession(loaded.page);
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      open.push({ ...b, context, ...loaded, cdp, dom: [], paint: [], cpu: [] });
    }
    for (let k = 0; k < WARM + EDITS; k++) {
      for (const o of open) {
        const value = k % 2 === 0 ? o.cell.value + 1 : o.cell.value;
        const before = await threadTime(o.cdp);
        const t = await edit(o.page, o.cell.id, value, o.bidder);
        const cpu = (await threadTime(o.cdp)) - before;
        if (k >= WARM) {
          o.dom.push(t.dom);
          o.paint.push(t.paint);
          o.cpu.push(cpu);
        }
        // Let the frame, the autosave and any timer of the edit finish before the next.
        await o.page.waitForTimeout(100);
      }
    }
    for (const o of open) {
      for (const xs of [o.dom, o.paint, o.cpu]) xs.sort((a, b) => a - b);
      rows.push({ size, label: o.label, dom: o.dom, paint: o.paint, cpu: o.cpu });
      console.error(`${size} ${o.label}: ${EDITS} edits of ${o.bidder}'s mark in ${o.cell.id}`);
      await o.context.close();
    }
  }
} finally {
  await browser.close();
  for (const s of servers) s.stop();
}

const f = (v) => v.toFixed(1).padStart(8);
console.log(`\nInput to paint in the app, headless Chromium (ms over ${EDITS} edits of a mark in the scoring grid)`);
console.log(`${'size'.padEnd(11)}${'build'.padEnd(10)}${'paint med'.padStart(10)}${'p95'.padStart(8)}${'DOM med'.padStart(10)}${'p95'.padStart(8)}${'CPU med'.padStart(10)}${'p95'.padStart(8)}`);
for (const r of rows) {
  const cols = [r.paint, r.dom, r.cpu].map((xs) => `  ${f(quantile(xs, 0.5))}${f(quantile(xs, 0.95))}`).join('');
  console.log(`${r.size.padEnd(11)}${r.label.padEnd(10)}${cols}`);
}
console.log('paint: input event to the end of the frame that shows the new total; DOM: to the mutation;');
console.log('CPU: the page\'s main-thread CPU time for the edit (the figure to compare builds on a busy machine).');
