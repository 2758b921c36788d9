// End-to-end tests of issue 16's items 12 and 14 in headless Chromium: the scoring grid (every
// score on one screen, by keyboard, with descriptors on focus and a reason per mark) and the
// report (recommendation first, the panel and each evaluator's marks, bidder-named scorecards,
// a contents list, and few printed pages). Run against the built app in dist/app.
import { startServer, run, axe, assert, root } from './harness.mjs';
import path from 'node:path';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';

/** The shipped protocol, as the app has it by default. */
const shipped = () => JSON.parse(readFileSync(path.join(root, 'core/protocols/ulcp.json'), 'utf8'));

async function open(page, origin, screen) {
  await page.goto(`${origin}/#/${screen}`);
  await page.waitForSelector('#page-heading');
}

async function go(page, screen) {
  await page.click(`#nav-${screen}`);
  await page.waitForFunction((s) => location.hash === `#/${s}`, screen);
}

async function tabTo(page, selector, max = 120) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${selector} with the Tab key`);
}

async function announced(page, text) {
  await page.waitForFunction((t) => document.querySelector('#announce')?.innerText.includes(t), text, { timeout: 5000 })
    .catch(async () => {
      throw new Error(`announcement lacks "${text}": "${await page.locator('#announce').innerText().catch(() => '')}"`);
    });
}

const workspace = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('ulo.workspace')));
/** The value at a JSON pointer of the saved bids document. */
const savedAt = (page, pointer) => page.evaluate((p) => {
  let v = JSON.parse(localStorage.getItem('ulo.workspace')).bids;
  for (const k of p.split('/').slice(1)) v = v == null ? undefined : v[k.replace(/~1/g, '/').replace(/~0/g, '~')];
  return v;
}, pointer);
const focusedId = (page) => page.evaluate(() => document.activeElement?.id);

/** The grid's cells as the page has them: each input's pointer, value and tab index. */
const cells = (page) => page.$$eval('#score-grid tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('input')].map((i) => ({
  id: i.id, pointer: i.dataset.pointer, value: i.value, tabindex: i.getAttribute('tabindex'),
}))));

/** The criteria scored by the panel, in the protocol's order, with their scales. */
function panelCriteria() {
  const p = shipped();
  const out = [];
  const walk = (list) => {
    for (const c of list) {
      if (c.children) walk(c.children);
      else if (c.method?.type === 'panel') out.push({ ...c, scale: p.scales.find((s) => s.id === c.method.scale) });
    }
  };
  walk(p.award_model.criteria);
  return out;
}

export const tests = [
  {
    name: 'item 12: one evaluator scores every bid on every question in one grid, with the keyboard alone',
    async run({ page, origin }) {
      await open(page, origin, 'scoring');
      await page.waitForSelector('#score-grid input', { timeout: 5000 });
      const w = await workspace(page);
      const grid = await cells(page);
      const heads = await page.locator('#score-grid thead th.grid__col').allInnerTexts();
      assert(grid.length === w.bids.bids.length, `a row per bid: ${grid.length} of ${w.bids.bids.length}`);
      assert(grid.every((r) => r.length === heads.length) && heads.length >= 3, `a column per question: ${heads.length}`);
      // Every cell shows the score saved for it, and only one cell is in the Tab order.
      for (const row of grid) {
        for (const c of row) {
          const saved = await savedAt(page, c.pointer);
          assert(c.value === (saved === undefined ? '' : String(saved)), `${c.pointer}: shows "${c.value}", saved ${saved}`);
          assert(c.pointer.endsWith('/e1/score'), `the first evaluator's scores: ${c.pointer}`);
        }
      }
      assert(grid.flat().filter((c) => c.tabindex === '0').length === 1, 'one tab stop in the grid');

      // Keyboard: Tab reaches the grid's first cell; arrows, Home and End move between cells.
      await page.focus('#score-evaluator');
      await tabTo(page, '#score-grid input');
      assert((await focusedId(page)) === 'grid-cell-0-0', `Tab lands on the first cell: ${await focusedId(page)}`);
      await page.keyboard.press('ArrowRight');
      assert((await focusedId(page)) === 'grid-cell-0-1', 'ArrowRight moves right');
      await page.keyboard.press('ArrowDown');
      assert((await focusedId(page)) === 'grid-cell-1-1', 'ArrowDown moves down');
      await page.keyboard.press('End');
      assert((await focusedId(page)) === `grid-cell-1-${heads.length - 1}`, 'End goes to the end of the row');
      await page.keyboard.press('Home');
      assert((await focusedId(page)) === 'grid-cell-1-0', 'Home goes to the start of the row');
      await page.keyboard.press('ArrowLeft');
      assert((await focusedId(page)) === 'grid-cell-1-0', 'ArrowLeft stops at the edge');
      await page.keyboard.press('ArrowRight');
      const tabbable = await page.$$eval('#score-grid input[tabindex="0"]', (l) => l.map((i) => i.id));
      assert(tabbable.length === 1 && tabbable[0] === 'grid-cell-1-1', `the focused cell is the tab stop: ${tabbable}`);

      // The focused cell's question and its scale's descriptors are shown, from the protocol.
      const crit = panelCriteria().find((c) => c.title === heads[1]);
      assert(crit && crit.scale, `the protocol has the column's question: ${heads[1]}`);
      const rowName = (await page.locator('#score-grid tbody tr').nth(1).locator('th').innerText()).split('\n')[0];
      const detail = await page.locator('#cell-detail').innerText();
      assert(detail.includes(heads[1]) && detail.includes(rowName), `detail names the question and bid: ${detail.slice(0, 120)}`);
      for (const pt of crit.scale.points) assert(detail.includes(pt.descriptor), `descriptor of ${pt.score} shown`);

      // A score typed in the cell is saved at once and announced; off the scale, it is refused.
      const cell = (await cells(page))[1][1];
      const max = Math.max(...crit.scale.points.map((p) => p.score));
      const next = Number(cell.value) === max || cell.value === '' ? max - 1 : Number(cell.value) + 1;
      await page.keyboard.type(String(next));
      await page.waitForFunction(([p, n]) => {
        let v = JSON.parse(localStorage.getItem('ulo.workspace')).bids;
        for (const k of p.split('/').slice(1)) v = v?.[k];
        return v === n;
      }, [cell.pointer, next], { timeout: 5000 });
      await announced(page, `scored ${rowName} ${next}`);
      await page.keyboard.type('9');
      await page.waitForSelector('#cell-error');
      assert((await page.locator('#grid-cell-1-1').getAttribute('aria-invalid')) === 'true', 'the cell is marked invalid');
      assert((await savedAt(page, cell.pointer)) === next, 'a score off the scale is not saved');
      await page.keyboard.press('Backspace');
      await page.keyboard.type(String(next));

      // Tab goes on to the reasons for this mark, which are kept with the score.
      await tabTo(page, 'textarea[id$="-rationale"]', 10);
      const reasonId = await focusedId(page);
      assert(reasonId.includes(cell.pointer.split('/')[2]) && reasonId.endsWith('-e1-rationale'), `the reason is this cell's: ${reasonId}`);
      await page.keyboard.press('Control+A');
      await page.keyboard.type('Evidence of co-production with members.');
      await page.keyboard.press('Shift+Tab');
      await page.waitForFunction((p) => {
        let v = JSON.parse(localStorage.getItem('ulo.workspace')).bids;
        for (const k of p.replace(/score$/, 'rationale').split('/').slice(1)) v = v?.[k];
        return v === 'Evidence of co-production with members.';
      }, cell.pointer, { timeout: 5000 });
      assert((await savedAt(page, cell.pointer)) === next, 'the score is kept with its reason');
      assert((await page.locator('#score-grid tbody tr').nth(1).locator('td').nth(1).innerText()).includes('R'), 'the cell shows a reason is recorded');
    },
  },
  {
    name: 'item 12: every evaluator\'s scores for one bid in one grid (criteria x evaluators)',
    async run({ page, origin }) {
      await open(page, origin, 'scoring');
      await page.waitForSelector('#score-cut-1', { timeout: 5000 });
      await page.check('#score-cut-1');
      await page.waitForSelector('#score-bid');
      await page.selectOption('#score-bid', { label: 'Westbridge Care Trust (lot lot-2)' });
      const w = await workspace(page);
      const bi = w.bids.bids.findIndex((b) => b.id === 'b-westbridge');
      const grid = await cells(page);
      const heads = await page.locator('#score-grid thead th.grid__col').allInnerTexts();
      assert(heads.length === w.tender.panel.length, `a column per evaluator: ${heads}`);
      w.tender.panel.forEach((e, i) => assert(heads[i].startsWith(e.name), `column ${i} is ${e.name}`));
      assert(grid.length === panelCriteria().length, `a row per question: ${grid.length}`);
      for (const row of grid) {
        row.forEach((c, i) => assert(c.pointer.startsWith(`/bids/${bi}/`) && c.pointer.endsWith(`/${w.tender.panel[i].id}/score`), `cell ${c.pointer}`));
        for (const c of row) {
          const saved = await savedAt(page, c.pointer);
          assert(c.value === (saved === undefined ? '' : String(saved)), `${c.pointer}: "${c.value}" vs ${saved}`);
        }
      }
      await page.click('#grid-cell-0-2');
      await page.keyboard.press('ArrowDown');
      assert((await focusedId(page)) === 'grid-cell-1-2', 'arrows move here too');
      assert((await page.locator('#cell-detail-heading').innerText()).includes(w.tender.panel[2].name), 'the detail names the evaluator');
    },
  },
  ...[{ width: 1280, height: 900 }, { width: 320, height: 640 }].map((viewport) => ({
    name: `item 12: the grid is not clipped at ${viewport.width} px: a labelled, focusable scroll region with sticky headings; axe 0`,
    viewport,
    async run({ page, origin }) {
      await open(page, origin, 'scoring');
      await page.waitForSelector('#score-grid input', { timeout: 5000 });
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(sideways <= 0, `the page scrolls sideways by ${sideways}px`);
      const region = page.locator('.grid-scroll');
      assert((await region.getAttribute('role')) === 'region' && (await region.getAttribute('tabindex')) === '0', 'a focusable region');
      const label = await page.locator(`#${await region.getAttribute('aria-labelledby')}`).innerText();
      assert(label.startsWith('Scores given by'), `labelled: ${label}`);
      const sticky = await page.$$eval('#score-grid thead th, #score-grid tbody th', (l) => l.every((t) => getComputedStyle(t).position === 'sticky'));
      assert(sticky, 'the headings are sticky');
      // Every cell, reached by keyboard, is in view: inside the region and clear of the
      // sticky headings.
      const rows = (await cells(page)).length;
      const cols = (await cells(page))[0].length;
      await page.focus('#grid-cell-0-0');
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const box = await page.evaluate((id) => {
            const i = document.getElementById(id);
            const cell = i.getBoundingClientRect();
            const reg = document.querySelector('.grid-scroll').getBoundingClientRect();
            const rowHead = i.closest('tr').querySelector('th').getBoundingClientRect();
            const colHead = document.querySelector('#score-grid thead th').getBoundingClientRect();
            return { ok: cell.left >= rowHead.right - 1 && cell.right <= reg.right + 1 && cell.top >= colHead.bottom - 1 && cell.bottom <= reg.bottom + 1, id: document.activeElement.id };
          }, `grid-cell-${r}-${c}`);
          assert(box.id === `grid-cell-${r}-${c}`, `focus on ${r},${c}: ${box.id}`);
          assert(box.ok, `cell ${r},${c} hidden or clipped at ${viewport.width}px`);
          if (c < cols - 1) await page.keyboard.press('ArrowRight');
        }
        await page.keyboard.press('Home');
        await page.keyboard.press('ArrowDown');
      }
      const v = await axe(page);
      assert(v.length === 0, `axe violations: ${JSON.stringify(v)}`);
      await page.check('#score-cut-1');
      await page.waitForSelector('#score-bid');
      const v2 = await axe(page);
      assert(v2.length === 0, `axe violations (by bid): ${JSON.stringify(v2)}`);
    },
  })),
  {
    name: 'item 14: the report leads (after which law applies) with the recommendation and ranking per lot, then the panel, each evaluator\'s marks with reasons, bidder-named scorecards, findings last; contents links; few A4 pages',
    async run({ page, origin }) {
      // A reason given in the grid is carried into the report.
      await open(page, origin, 'scoring');
      await page.waitForSelector('#score-grid input', { timeout: 5000 });
      await page.click('#grid-cell-0-0');
      await page.fill('#cell-detail textarea', 'The answer names no measures of outcomes.');
      await page.click('#grid-cell-0-1');
      await page.waitForFunction(() => JSON.stringify(JSON.parse(localStorage.getItem('ulo.workspace')).bids).includes('names no measures'));
      // The first bid of each lot, as the results screen ranks it.
      await go(page, 'results');
      const lots = await page.$$eval('table.ranking', (ts) => ts.map((t) => ({ lot: t.id.replace('ranking-', ''), first: t.querySelector('tbody tr th')?.innerText })));
      await go(page, 'report');
      const h2 = await page.locator('main h2').allInnerTexts();
      const at = (t) => h2.indexOf(t);
      // Which law applies opens every result (issue 12's rule), then the recommendation and ranking.
      assert(h2[0] === 'Contents' && h2[1] === 'Which law applies' && h2[2] === 'Recommendation and ranking', `law, then the recommendation: ${JSON.stringify(h2)}`);
      assert(at('The panel') > 1 && at("Each evaluator's marks") > at('The panel') && at('Scorecards') > at("Each evaluator's marks") && at('Barrier findings') === h2.length - 1, `order: ${JSON.stringify(h2)}`);
      for (const { lot, first } of lots) {
        const rec = await page.locator(`section[aria-labelledby="recommendation-${lot}"] .recommendation`).innerText();
        assert(rec.startsWith(`Recommended for award: ${first},`), `lot ${lot}: ${rec} (first: ${first})`);
        assert((await page.locator(`#ranking-${lot} tbody tr`).count()) >= 1, `lot ${lot}'s ranking in the report`);
      }
      // The panel, with roles, from the tender.
      const w = await workspace(page);
      const panelRows = await page.locator('#panel-caption').locator('xpath=..').locator('tbody tr').allInnerTexts();
      assert(panelRows.length === w.tender.panel.length, `the panel: ${panelRows.length}`);
      w.tender.panel.forEach((e, i) => assert(panelRows[i].includes(e.name) && panelRows[i].includes(e.role === 'lived_experience' ? 'lived experience' : 'Officer'), `member ${i}: ${panelRows[i]}`));
      // Each evaluator's marks are the scores saved for them.
      const crits = panelCriteria();
      for (const e of w.tender.panel) {
        const section = page.locator(`section[aria-labelledby="evaluator-${e.id}"]`);
        const heads = await section.locator('thead th').allInnerTexts();
        const rows = await section.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({ head: tr.querySelector('th').innerText, cells: [...tr.querySelectorAll('td')].map((td) => td.innerText) })));
        assert(rows.length === w.bids.bids.length, `${e.name}: a row per bid`);
        for (const row of rows) {
          const bid = w.bids.bids.find((b) => row.head.startsWith(b.organisation.name) && row.head.includes(b.lot));
          assert(bid, `a bid for ${row.head}`);
          row.cells.forEach((cell, i) => {
            const crit = crits.find((c) => c.title === heads[i + 1]);
            const saved = bid.scores?.[crit.id]?.[e.id]?.score;
            assert(cell === (saved === undefined ? 'not scored' : String(saved)), `${e.name}, ${bid.id}, ${crit.id}: ${cell} vs ${saved}`);
          });
        }
      }
      assert((await page.locator('section[aria-labelledby="evaluator-e1"] .reasons').innerText()).includes('The answer names no measures of outcomes.'), 'the reason given in the grid is in the report');
      // Scorecards under the bidder's name, and their parts named with it.
      for (const b of w.bids.bids) {
        const card = page.locator(`#scorecard-${b.id}`);
        assert((await card.locator('h3').innerText()).startsWith(b.organisation.name), `scorecard heading for ${b.id}`);
        assert((await card.locator('h4').first().innerText()) === `Eligibility: ${b.organisation.name}`, `eligibility heading for ${b.id}: ${await card.locator('h4').first().innerText()}`);
      }
      // The contents: every link lands on a part of this page, which takes focus; the page stays.
      const links = await page.$$eval('nav.contents a', (as) => as.map((a) => a.getAttribute('href')));
      assert(links.length >= 6 + w.bids.bids.length, `contents links: ${links.length}`);
      for (const href of links) assert(await page.locator(href).count() === 1, `${href} is on the page`);
      await page.click('nav.contents a[href="#scorecards"]');
      assert((await page.evaluate(() => [location.hash, document.activeElement.id])).join() === '#/report,scorecards', 'a contents link moves focus to its part and keeps the page');
      const v = await axe(page);
      assert(v.length === 0, `axe violations: ${JSON.stringify(v)}`);
      // Printed on A4: on main, 22 pages of which findings took the last third; now the figures
      // come first and the whole is far shorter.
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
      console.log(`     report printed: ${pages} A4 pages`);
      assert(pages > 0 && pages <= 13, `the report prints on ${pages} A4 pages`);
    },
  },
];

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.E2E_PORT || 8779);
  const server = await startServer(path.join(root, 'dist/app'), port);
  try {
    const { passed, failed, log } = await run('grid', tests, { origin: server.origin, only: process.env.ONLY });
    mkdirSync(path.join(root, 'target/e2e'), { recursive: true });
    writeFileSync(path.join(root, 'target/e2e/grid-requests.json'), JSON.stringify(log, null, 2));
    console.log(`${passed} passed, ${failed} failed`);
    process.exitCode = failed === 0 ? 0 : 1;
  } finally {
    server.stop();
  }
}
