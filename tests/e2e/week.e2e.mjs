// End-to-end tests of "a commissioner's real week" (issue 16) in real headless Chromium, as far
// as the workspace goes: several tenders side by side with "Your tenders" as the start page
// (new, worked example, import; open, rename, duplicate, delete with a modal dialog), an
// earlier version's single save migrated into the list, restoring the one-file backup in a
// fresh profile (and refusing bad files with current work untouched), the "Saved at" time,
// undo, two tabs on two tenders, the keyboard alone, axe-core, and no request leaving the
// origin (every test: see harness.mjs).
import { startServer, run, axe, assert, root } from './harness.mjs';
import path from 'node:path';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';

const FIRST = 'ulo.workspace';

async function open(page, origin, screen = '') {
  await page.goto(`${origin}/${screen ? `#/${screen}` : ''}`);
  await page.waitForSelector('#page-heading');
}

async function announced(page, text) {
  await page.waitForFunction((t) => document.querySelector('#announce')?.innerText.includes(t), text, { timeout: 5000 })
    .catch(async () => {
      const said = await page.locator('#announce').innerText().catch(() => '(no live region)');
      throw new Error(`announcement lacks "${text}": "${said}"`);
    });
  return page.locator('#announce').innerText();
}

async function noViolations(page, where) {
  const v = await axe(page);
  assert(v.length === 0, `axe (${where}): ${JSON.stringify(v)}`);
}

const heading = (page) => page.locator('#page-heading').innerText();
const focusedId = (page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);

/** The rows of the tender list: title cell, last change, lots, bids. */
const rows = (page) => page.$$eval('#tenders-list tbody tr', (trs) => trs.map((tr) => ({
  key: tr.dataset.key,
  title: tr.querySelector('th .tender-title')?.innerText ?? tr.querySelector('th').innerText,
  changed: tr.cells[1].innerText,
  lots: Number(tr.cells[2].innerText),
  bids: Number(tr.cells[3].innerText),
})));

/** The whole of local storage, to show that nothing changed. */
const everything = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));

/** The saved work of the tender this tab has open. */
const openSave = (page) => page.evaluate(() => JSON.parse(localStorage.getItem(sessionStorage.getItem('ulo.open'))));

/** Presses Tab until the focused element matches `selector`. */
async function tabTo(page, selector, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${selector} with the Tab key`);
}

async function retitle(page, title) {
  await page.fill('#f-tender-title', title);
  await page.keyboard.press('Tab');
}

/** JSON with its object members in order, to compare documents whatever order they were written in. */
const canonical = (v) => JSON.stringify(v, (_, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, x[k]])) : x));
const same = (a, b) => canonical(a) === canonical(b);

const example = () => JSON.parse(readFileSync(path.join(root, 'core/protocols/example-tender.json'), 'utf8'));

const tests = [
  {
    name: 'Your tenders is the start page: a new tender and the worked example open beside the first, each listed with its title, last change, lots and bids',
    async run({ page, origin }) {
      await open(page, origin);
      assert((await heading(page)) === 'Your tenders', `the start page: ${await heading(page)}`);
      await page.waitForFunction((k) => localStorage.getItem(k) !== null, FIRST);
      let list = await rows(page);
      assert(list.length === 1 && list[0].title.includes('worked example') && list[0].lots === 3, `one tender at first: ${JSON.stringify(list)}`);
      assert(/\d{4} at \d\d:\d\d/.test(list[0].changed), `its last change: ${list[0].changed}`);
      await page.click('#tenders-new');
      await page.waitForFunction(() => location.hash === '#/tender');
      await page.waitForFunction(() => document.activeElement?.id === 'page-heading');
      assert((await page.inputValue('#f-tender-title')) === 'New tender', 'a blank tender');
      await announced(page, 'Started a new tender');
      await page.click('#nav-tenders');
      await page.waitForSelector('#tenders-list');
      list = await rows(page);
      assert(list.length === 2, `two tenders: ${JSON.stringify(list)}`);
      const fresh = list.find((r) => r.title.startsWith('New tender'));
      assert(fresh && fresh.lots === 1 && fresh.bids === 0, `the new one: ${JSON.stringify(list)}`);
      assert((await page.locator('#tenders-list tr', { hasText: 'open in this tab' }).innerText()).includes('New tender'), 'the open tender is marked');
      await page.click('#tenders-example');
      await page.waitForFunction(() => location.hash === '#/results');
      await page.click('#nav-tenders');
      await page.waitForSelector('#tenders-list');
      list = await rows(page);
      assert(list.length === 3 && new Set(list.map((r) => r.key)).size === 3, `three tenders, each under its own key: ${JSON.stringify(list)}`);
      const index = await page.evaluate(() => JSON.parse(localStorage.getItem('ulo.tenders')).tenders);
      assert(JSON.stringify(index) === JSON.stringify(list.map((r) => r.key)), `the index names them: ${JSON.stringify(index)}`);
      // A reload reopens the tender this tab had open.
      await page.reload();
      await page.waitForSelector('#page-heading');
      assert((await page.locator('#tenders-list tr', { hasText: 'open in this tab' }).getAttribute('data-key')) === list[2].key, 'the reload reopened it');
      await noViolations(page, 'the tender list');
    },
  },
  {
    name: 'rename, duplicate and delete; delete asks in a modal dialog that takes focus, keeps it, closes on Esc and gives focus back',
    async run({ page, origin }) {
      await open(page, origin);
      await page.click('#tenders-new');
      await page.waitForFunction(() => location.hash === '#/tender');
      await page.click('#nav-tenders');
      await page.waitForSelector('#tenders-list');
      // Rename the first tender (not the one open here).
      await page.click('#rename-button-ulo-workspace');
      assert((await focusedId(page)) === 'rename-ulo-workspace', 'focus moves to the name field');
      await page.fill('#rename-ulo-workspace', 'Advocacy 2027');
      await page.keyboard.press('Enter');
      await announced(page, 'Renamed to "Advocacy 2027"');
      assert((await focusedId(page)) === 'rename-button-ulo-workspace', 'focus back on Rename');
      assert((await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).tender.title, FIRST)) === 'Advocacy 2027', 'saved under its own key');
      // Duplicate it.
      await page.click('#duplicate-ulo-workspace');
      await announced(page, 'Made a copy of "Advocacy 2027"');
      let list = await rows(page);
      assert(list.length === 3 && list[2].title === 'Advocacy 2027 (copy)' && list[2].lots === 3, JSON.stringify(list));
      // Delete asks first, in a modal dialog.
      const opener = `delete-${list[2].key.replaceAll('.', '-')}`;
      await page.click(`#${opener}`);
      const dialog = page.locator('#delete-dialog');
      await dialog.waitFor();
      assert(await dialog.evaluate((d) => d.open && d.matches(':modal')), 'a modal dialog');
      assert(await page.evaluate(() => document.querySelector('#delete-dialog').contains(document.activeElement)), `focus moves into it: ${await focusedId(page)}`);
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press('Tab');
        const outside = await page.evaluate(() => document.activeElement && document.activeElement !== document.body && !document.querySelector('#delete-dialog').contains(document.activeElement));
        assert(!outside, `focus left the dialog: ${await focusedId(page)}`);
      }
      await noViolations(page, 'the delete dialog');
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('#delete-dialog'));
      assert((await focusedId(page)) === opener, `Esc gives focus back to the button: ${await focusedId(page)}`);
      assert((await rows(page)).length === 3, 'nothing deleted on Esc');
      await page.click(`#${opener}`);
      await page.click('#delete-cancel');
      await page.waitForFunction(() => !document.querySelector('#delete-dialog'));
      assert((await focusedId(page)) === opener, 'Cancel gives focus back too');
      await page.click(`#${opener}`);
      await page.click('#delete-confirm');
      await announced(page, 'Deleted "Advocacy 2027 (copy)"');
      list = await rows(page);
      assert(list.length === 2 && !list.some((r) => r.title.includes('copy')), JSON.stringify(list));
      assert((await page.evaluate((k) => localStorage.getItem(k), list.length ? `${FIRST}.3` : '')) === null, 'its save is gone');
    },
  },
  {
    name: 'Start again (item 10) asks in a modal dialog: focus moves in and stays, Esc closes it and returns focus; it opens a new tender and replaces nothing',
    async run({ page, origin }) {
      await open(page, origin, 'export');
      await page.waitForFunction((k) => localStorage.getItem(k) !== null, FIRST);
      const before = await page.evaluate((k) => localStorage.getItem(k), FIRST);
      await page.click('#export-start-again');
      const dialog = page.locator('#restart-dialog');
      await dialog.waitFor();
      assert(await dialog.evaluate((d) => d.open && d.matches(':modal')), 'a modal dialog');
      assert(await page.evaluate(() => document.querySelector('#restart-dialog').contains(document.activeElement)), `focus moves into it: ${await focusedId(page)}`);
      for (let i = 0; i < 5; i++) {
        await page.keyboard.press('Tab');
        const outside = await page.evaluate(() => document.activeElement && document.activeElement !== document.body && !document.querySelector('#restart-dialog').contains(document.activeElement));
        assert(!outside, `focus left the dialog: ${await focusedId(page)}`);
      }
      await noViolations(page, 'the start-again dialog');
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('#restart-dialog'));
      assert((await focusedId(page)) === 'export-start-again', `Esc returns focus to Start again: ${await focusedId(page)}`);
      await page.click('#export-start-again');
      await page.click('#restart-cancel');
      await page.waitForFunction(() => !document.querySelector('#restart-dialog'));
      assert((await focusedId(page)) === 'export-start-again', 'so does Cancel');
      await page.click('#export-start-again');
      await page.click('#restart-blank');
      await page.waitForFunction(() => location.hash === '#/tender');
      assert((await page.inputValue('#f-tender-title')) === 'New tender', 'a blank tender');
      await announced(page, 'still in Your tenders');
      assert((await page.evaluate((k) => localStorage.getItem(k), FIRST)) === before, 'the tender worked on is not replaced');
      await page.click('#nav-tenders');
      assert((await rows(page)).length === 2, 'both are listed');
    },
  },
  {
    name: 'deleting the tender open in this tab leaves the list with none open, and a reload does not bring the example back',
    async run({ page, origin }) {
      await open(page, origin);
      await page.waitForFunction((k) => localStorage.getItem(k) !== null, FIRST);
      await page.click('#delete-ulo-workspace');
      await page.click('#delete-confirm');
      await announced(page, 'Deleted "Independent living support service (worked example)"');
      await page.waitForSelector('#tenders-none');
      assert((await page.locator('.nav__link').count()) === 1, 'only Your tenders in the navigation');
      assert((await page.locator('.working-on').innerText()).includes('No tender is open'), await page.locator('.working-on').innerText());
      assert((await page.evaluate((k) => localStorage.getItem(k), FIRST)) === null, 'its save is gone');
      await noViolations(page, 'no tender open');
      await page.reload();
      await page.waitForSelector('#tenders-none');
      assert((await page.evaluate((k) => localStorage.getItem(k), FIRST)) === null, 'not brought back');
      await page.click('#tenders-example');
      await page.waitForFunction(() => location.hash === '#/results');
      await page.waitForSelector('#ranking-lot-1');
    },
  },
  {
    name: 'a save from an earlier version (one workspace, format 1) becomes the first tender in the list, nothing lost',
    async run({ page, origin }) {
      // The storage as an earlier version left it: one workspace, and no list of tenders.
      await open(page, origin);
      await page.waitForFunction((k) => localStorage.getItem(k) !== null, FIRST);
      const tender = { ...example(), title: 'Saved by ulo 0.1' };
      const bids = JSON.parse(readFileSync(path.join(root, 'core/protocols/example-bids.json'), 'utf8'));
      await page.evaluate(([k, v]) => { localStorage.clear(); sessionStorage.clear(); localStorage.setItem(k, v); }, [FIRST, JSON.stringify({ format: 1, tender, bids })]);
      await page.reload();
      await page.waitForSelector('#page-heading');
      await announced(page, 'now the first tender in your list');
      const list = await rows(page);
      assert(list.length === 1 && list[0].title === 'Saved by ulo 0.1' && list[0].key === FIRST && list[0].bids === bids.bids.length, JSON.stringify(list));
      await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).format === 2, FIRST);
      const saved = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)), FIRST);
      assert(same(saved.tender, tender) && same(saved.bids, bids), 'the work is as it was');
      await page.click('#tenders-new');
      await page.waitForFunction(() => location.hash === '#/tender');
      assert((await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).tender.title, FIRST)) === 'Saved by ulo 0.1', 'a new tender does not touch it');
    },
  },
  {
    name: 'the one-file backup restores in a fresh profile, as a new tender beside the others',
    async run({ page, origin, context, errors, requests }) {
      await open(page, origin, 'tender');
      await retitle(page, 'Peer support 2027');
      await page.waitForFunction(() => JSON.parse(localStorage.getItem('ulo.workspace')).tender.title === 'Peer support 2027');
      await page.click('#nav-export');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-backup')]);
      const backup = readFileSync(await download.path(), 'utf8');
      const mine = await openSave(page);
      // A fresh profile: another browser context, which shares nothing with this one.
      const other = await context.browser().newContext();
      const fresh = await other.newPage();
      fresh.on('pageerror', (e) => errors.push(String(e)));
      fresh.on('request', (r) => requests.push(r.url()));
      try {
        await open(fresh, origin);
        await fresh.waitForFunction((k) => localStorage.getItem(k) !== null, FIRST);
        await fresh.setInputFiles('#restore-file', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
        await fresh.waitForFunction(() => location.hash === '#/results');
        await announced(fresh, 'Restored "Peer support 2027" from "backup.json" as a new tender');
        assert((await fresh.locator('.working-on').innerText()).includes('Peer support 2027'), 'opened');
        const restored = await openSave(fresh);
        assert(same(restored.tender, mine.tender) && same(restored.bids, mine.bids), 'restored exactly');
        await fresh.click('#nav-tenders');
        const list = await rows(fresh);
        assert(list.length === 2 && list[1].title === 'Peer support 2027', `beside the example: ${JSON.stringify(list)}`);
        // A tender file is imported the same way, with no bids yet.
        await fresh.setInputFiles('#restore-file', path.join(root, 'core/protocols/example-tender.json'));
        await announced(fresh, 'Imported the tender');
        await fresh.click('#nav-tenders');
        const after = await rows(fresh);
        assert(after.length === 3 && after[2].bids === 0 && after[2].lots === 3, JSON.stringify(after));
      } finally {
        await other.close();
      }
    },
  },
  {
    name: 'a bad file is refused with a located, plain error, and nothing changes',
    async run({ page, origin }) {
      await open(page, origin);
      await page.waitForFunction((k) => localStorage.getItem(k) !== null, FIRST);
      const good = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)), FIRST);
      const before = await everything(page);
      const bad = { ...good, tender: { ...good.tender, lots: good.tender.lots.map((l, i) => (i === 0 ? { ...l, value: 5 } : l)) } };
      for (const [name, text, words] of [
        ['notes.txt', 'not JSON at all', 'is not a JSON file that ulo can read'],
        ['broken.json', '{"format": 2,\n  "tender": }', 'line 2'],
        ['other-app.json', JSON.stringify({ name: 'a shopping list', items: [] }), 'not from ulo'],
        ['list.json', '[1, 2]', 'holds a list'],
        ['newer.json', JSON.stringify({ ...good, format: 3 }), 'newer than this version of ulo'],
        ['bids.json', readFileSync(path.join(root, 'core/protocols/example-bids.json'), 'utf8'), 'is a bids file'],
        ['no-tender.json', JSON.stringify({ format: 2, protocol: null, bids: good.bids }), 'no "tender"'],
        ['bad-tender.json', JSON.stringify(bad), 'the tender in it has'],
      ]) {
        await page.setInputFiles('#restore-file', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
        await page.waitForFunction((n) => document.querySelector('#restore-file-problems')?.innerText.includes(n), name);
        const said = await page.locator('#restore-file-problems').innerText();
        assert(said.includes(`"${name}" was not restored`) && said.includes(words) && said.includes('Your work is unchanged'), `${name}: ${said}`);
        assert((await page.locator('#restore-file-problems').getAttribute('role')) === 'alert', 'an alert');
        if (name === 'bad-tender.json') assert(said.includes('/lots/0/value'), `located: ${said}`);
        assert(JSON.stringify(await everything(page)) === JSON.stringify(before), `${name}: the storage is untouched`);
      }
      assert((await rows(page)).length === 1, 'no tender added');
      await noViolations(page, 'a refused file');
    },
  },
  {
    name: 'the title bar says when the work was saved; undo names what it undoes, by button and by Ctrl+Z, for at least 20 changes',
    async run({ page, origin }) {
      page.on('dialog', (d) => d.accept());
      await open(page, origin, 'tender');
      await page.waitForFunction(() => /^Saved at \d\d:\d\d$/.test(document.querySelector('#saved-at')?.innerText ?? ''));
      assert((await page.locator('#saved-at').getAttribute('role')) === 'status', 'a polite status');
      assert((await page.locator('#undo').count()) === 0, 'nothing to undo at first');
      await page.getByRole('button', { name: 'Remove lot 2' }).click();
      const undo = page.locator('#undo');
      await undo.waitFor();
      assert((await undo.innerText()) === 'Undo: remove lot 2', await undo.innerText());
      await page.waitForFunction(() => JSON.parse(localStorage.getItem('ulo.workspace')).tender.lots.length === 2);
      await undo.click();
      await announced(page, 'Undone: remove lot 2.');
      await page.waitForFunction(() => document.activeElement?.id === 'page-heading');
      await page.waitForFunction(() => JSON.parse(localStorage.getItem('ulo.workspace')).tender.lots.length === 3);
      // 21 changes; 20 of them undone with Ctrl+Z, from outside any text field.
      for (let i = 1; i <= 21; i++) {
        await retitle(page, `Title ${i}`);
        await page.waitForFunction((t) => JSON.parse(localStorage.getItem('ulo.workspace')).tender.title === t, `Title ${i}`);
      }
      assert((await undo.innerText()) === 'Undo: change the title', await undo.innerText());
      await page.locator('#page-heading').focus();
      for (let i = 0; i < 20; i++) await page.keyboard.press('Control+z');
      await page.waitForFunction(() => document.querySelector('#f-tender-title').value === 'Title 1');
      await page.waitForFunction(() => JSON.parse(localStorage.getItem('ulo.workspace')).tender.title === 'Title 1');
      await announced(page, 'Undone: change the title.');
      // In a text field, Ctrl+Z is the field's own.
      await page.focus('#f-tender-title');
      await page.keyboard.press('Control+z');
      await page.waitForTimeout(300);
      assert((await page.evaluate(() => JSON.parse(localStorage.getItem('ulo.workspace')).tender.title)) === 'Title 1', 'not undone from a text field');
      await noViolations(page, 'saved time and undo');
    },
  },
  {
    name: 'two tabs on two tenders: each saves its own, and neither is told the other has it',
    async run({ page, context, origin, errors, requests }) {
      const a = page;
      await open(a, origin, 'tender');
      await a.waitForFunction((k) => localStorage.getItem(k) !== null, FIRST);
      const b = await context.newPage();
      b.on('pageerror', (e) => errors.push(String(e)));
      b.on('request', (r) => requests.push(r.url()));
      await open(b, origin);
      // A new tab opens the tender changed last, which the first tab has: it is told so.
      await b.locator('#storage-tab').waitFor({ timeout: 5000 });
      await b.click('#tenders-new');
      await b.waitForFunction(() => location.hash === '#/tender');
      await b.waitForFunction(() => !document.querySelector('#storage-tab'));
      await retitle(b, 'Tender in tab B');
      await retitle(a, 'Tender in tab A');
      await a.waitForFunction(() => JSON.parse(localStorage.getItem('ulo.workspace')).tender.title === 'Tender in tab A');
      await b.waitForFunction(() => JSON.parse(localStorage.getItem(sessionStorage.getItem('ulo.open'))).tender.title === 'Tender in tab B');
      await a.waitForTimeout(500);
      assert((await a.locator('#storage-tab').count()) === 0 && (await b.locator('#storage-tab').count()) === 0, 'neither tab stopped saving');
      // The first tab's list shows both, with the second's title.
      await a.click('#nav-tenders');
      await a.waitForFunction(() => [...document.querySelectorAll('#tenders-list th')].some((t) => t.innerText.includes('Tender in tab B')));
      // Opening the other tab's tender here says it is open there, and does not save over it.
      await a.click('#open-ulo-workspace-2');
      await a.locator('#storage-tab').waitFor({ timeout: 5000 });
      await a.click('#nav-tender');
      await retitle(a, 'Not saved over tab B');
      await a.waitForTimeout(600);
      assert((await b.evaluate(() => JSON.parse(localStorage.getItem('ulo.workspace.2')).tender.title)) === 'Tender in tab B', 'tab B\'s tender is kept');
      // Tab A left its first tender, so that lock is free: tab B can open it and save.
      await b.click('#nav-tenders');
      await b.click('#open-ulo-workspace');
      await b.waitForSelector('#ranking-lot-1, #page-heading');
      await b.waitForTimeout(500);
      assert((await b.locator('#storage-tab').count()) === 0, 'the lock of a tender left is let go');
      await b.close();
    },
  },
  {
    name: 'bids from a spreadsheet: the template, a CSV file and pasted cells; a bad cell is told by row and column and nothing is imported',
    async run({ page, origin }) {
      await open(page, origin, 'bids');
      const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#bids-template')]);
      const template = readFileSync(await dl.path(), 'utf8');
      assert(template === readFileSync(path.join(root, 'docs/bids-template.csv'), 'utf8'), 'the template is the documented one');
      const rowsIn = template.trim().split('\n').length - 1;
      const bidsNow = async () => (await openSave(page)).bids.bids;
      const before = await bidsNow();
      const bad = template.replace('"£352,000"', '"£352,0"');
      await page.setInputFiles('#import-bids-csv', { name: 'bids.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
      await page.waitForSelector('#bids-spreadsheet-problems');
      const said = await page.locator('#bids-spreadsheet-problems').innerText();
      assert(said.includes('"bids.csv" were not imported') && said.includes('Row 2, column "price"'), said);
      await page.waitForTimeout(300);
      assert(same(await bidsNow(), before), 'nothing imported');
      await noViolations(page, 'bids from a spreadsheet, refused');
      await page.setInputFiles('#import-bids-csv', { name: 'bids.csv', mimeType: 'text/csv', buffer: Buffer.from(template) });
      await announced(page, `Imported ${rowsIn} bids from "bids.csv"`);
      await page.waitForFunction((n) => JSON.parse(localStorage.getItem(sessionStorage.getItem('ulo.open'))).bids.bids.length === n, rowsIn);
      // Cells pasted from a spreadsheet come separated by tabs.
      const lines = template.trim().split('\n').slice(0, 2);
      const tsv = lines.map((l) => l.match(/("([^"]|"")*"|[^,]*)(,|$)/g).filter((c) => c !== '').map((c) => c.replace(/,$/, '').replace(/^"(.*)"$/, '$1')).join('\t')).join('\n');
      await page.fill('#paste-bids', tsv);
      await page.click('#paste-bids-import');
      await announced(page, 'Imported 1 bid from what was pasted');
      await page.waitForFunction(() => JSON.parse(localStorage.getItem(sessionStorage.getItem('ulo.open'))).bids.bids.length === 1);
      const one = (await bidsNow())[0];
      assert(one.price === '352000' || one.price === '352000.00', `the price as the schema writes it: ${JSON.stringify(one)}`);
      assert((await page.locator('#undo').innerText()) === 'Undo: import the bids', await page.locator('#undo').innerText());
      await page.click('#undo');
      await page.waitForFunction((n) => JSON.parse(localStorage.getItem(sessionStorage.getItem('ulo.open'))).bids.bids.length === n, rowsIn);
    },
  },
  {
    name: 'at 320 px the list of tenders does not scroll sideways, and has no axe violations',
    viewport: { width: 320, height: 800 },
    async run({ page, origin }) {
      await open(page, origin);
      await page.click('#tenders-example');
      await page.waitForFunction(() => location.hash === '#/results');
      await page.click('#nav-tenders');
      await page.waitForSelector('#tenders-list');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 0, `the list scrolls sideways by ${overflow}px`);
      await noViolations(page, 'the list at 320 px');
    },
  },
  {
    name: 'the keyboard alone: start a new tender from the list, name it, and come back to the list',
    async run({ page, origin }) {
      await open(page, origin);
      await page.keyboard.press('Tab');
      assert(await page.evaluate(() => document.activeElement.classList.contains('skip-link')), 'skip link first');
      await tabTo(page, '#tenders-new');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => location.hash === '#/tender');
      await page.waitForFunction(() => document.activeElement?.id === 'page-heading');
      await tabTo(page, '#f-tender-title');
      await page.keyboard.press('Control+a');
      await page.keyboard.type('Keyboard tender');
      await page.keyboard.press('Tab');
      await page.waitForFunction(() => JSON.parse(localStorage.getItem(sessionStorage.getItem('ulo.open'))).tender.title === 'Keyboard tender');
      await page.keyboard.press('Shift+Tab');
      await tabTo(page, '#nav-tenders', 200);
      await page.keyboard.press('Enter');
      await page.waitForSelector('#tenders-list');
      assert((await rows(page)).some((r) => r.title === 'Keyboard tender'), 'listed');
    },
  },
];

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.E2E_PORT || 8771);
  const dir = process.env.E2E_DIST || path.join(root, 'dist/app');
  const server = await startServer(dir, port);
  try {
    const { passed, failed, log } = await run('week', tests, { origin: server.origin, only: process.env.ONLY });
    mkdirSync(path.join(root, 'target/e2e'), { recursive: true });
    writeFileSync(path.join(root, 'target/e2e/week-requests.json'), JSON.stringify(log, null, 2));
    console.log(`${passed} passed, ${failed} failed`);
    process.exitCode = failed === 0 ? 0 : 1;
  } finally {
    server.stop();
  }
}
