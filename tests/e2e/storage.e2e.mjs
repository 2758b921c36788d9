// End-to-end tests of saving in the browser (dist/app, both entries) in real headless Chromium:
// a full storage quota, unusable saves (corrupted twice, wrong types, an unknown format), a save
// refused and the page reloaded, and two tabs of one browser on the same work. Each test runs in
// a fresh browser context (see harness.mjs); axe checks the notices.
import { startServer, run, axe, assert, root } from './harness.mjs';
import path from 'node:path';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';

const KEY = 'ulo.workspace';

async function open(page, origin, screen = 'results', entry = '') {
  await page.goto(`${origin}/${entry}#/${screen}`);
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

/** The saved workspace's tender title (or why there is none). */
const savedTitle = (page) => page.evaluate((k) => {
  try { return JSON.parse(localStorage.getItem(k)).tender.title; } catch { return '(unreadable)'; }
}, KEY);

/** Waits until the app has saved (the tab got the lock and wrote its work). */
const saved = (page, key = KEY) => page.waitForFunction((k) => localStorage.getItem(k) !== null, key, { timeout: 5000 });

/** Fills local storage with junk until the browser refuses even one more character. */
const fillQuota = (page) => page.evaluate(() => {
  let n = 0;
  for (let size = 1 << 20; size >= 1;) {
    try {
      localStorage.setItem(`junk.${n}`, 'x'.repeat(size));
      n++;
    } catch {
      size = Math.floor(size / 2);
    }
  }
  let refused = false;
  try { localStorage.setItem('junk.one-more', 'x'); } catch { refused = true; }
  return refused;
});

/** Types a new tender title and leaves the field, which is when the app takes the change. */
async function retitle(page, title) {
  await page.fill('#f-tender-title', title);
  await page.keyboard.press('Tab');
}

async function noViolations(page, where) {
  const v = await axe(page);
  assert(v.length === 0, `axe (${where}): ${JSON.stringify(v)}`);
}

/** The key a message says a copy was kept under, and the text kept there. */
async function spareNamed(page, message) {
  const m = message.match(/kept in this browser under "([^"]+)"/);
  assert(m, `the message names where the copy is: "${message}"`);
  return { key: m[1], text: await page.evaluate((k) => localStorage.getItem(k), m[1]) };
}

const tests = [
  {
    name: 'storage full: an unreadable save is left as it was, nothing is saved over it, and it is offered as a download',
    async run({ page, origin }) {
      await open(page, origin);
      await saved(page);
      // An unreadable save that takes over half of what the browser holds.
      const [head, n] = ['{"format": 2, "tender": ', 2_800_000];
      const make = () => head + 'y'.repeat(n);
      await page.evaluate(([k, h, n]) => localStorage.setItem(k, h + 'y'.repeat(n)), [KEY, head, n]);
      assert(await fillQuota(page), 'the storage is full');
      await page.reload();
      await page.waitForSelector('#page-heading');
      await page.waitForTimeout(1000);
      const intact = () => page.evaluate(([k, h, n]) => localStorage.getItem(k) === h + 'y'.repeat(n), [KEY, head, n]);
      assert(await intact(), 'the unreadable save is still there, unchanged, after opening');
      const notice = page.locator('#storage-unusable');
      await notice.waitFor({ timeout: 5000 });
      assert((await notice.getAttribute('role')) === 'alert', 'the notice is an alert');
      const said = await notice.innerText();
      assert(said.includes('no room') && said.includes(`"${KEY}"`) && said.includes('nothing will be saved until you choose'), `says what happened and where the save is: ${said}`);
      // An edit meanwhile is not saved over it.
      await page.goto(`${origin}/#/tender`);
      await page.waitForSelector('#f-tender-title');
      await retitle(page, 'An edit while the choice waits');
      await page.waitForTimeout(800);
      assert(await intact(), 'an edit does not write over the unreadable save');
      await noViolations(page, 'no-room notice');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#storage-download')]);
      const file = readFileSync(await download.path(), 'utf8');
      assert(file === make(), `the download is the unreadable save, exactly (${file.length} characters)`);
      assert(download.suggestedFilename() === 'ulo-unreadable-save.txt', download.suggestedFilename());
      assert((await page.locator('#storage-downloaded').innerText()).includes('ulo-unreadable-save.txt'), 'names the downloaded file');
      assert(await intact(), 'still intact after the download');
      // The user chooses to start again: only now is it replaced, and saving resumes.
      await page.click('#storage-replace');
      await page.waitForFunction((k) => { try { return JSON.parse(localStorage.getItem(k)).format === 2; } catch { return false; } }, KEY, { timeout: 5000 });
      await announced(page, 'saved again after every change');
    },
  },
  {
    name: 'two unreadable saves, one after the other: each is kept under its own key',
    async run({ page, origin }) {
      await open(page, origin);
      await saved(page);
      const first = '{"format": 2, "tender": {"title": "cut off';
      const second = 'not even JSON, the second time';
      await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, first]);
      await page.reload();
      const m1 = await announced(page, 'could not be read');
      const s1 = await spareNamed(page, m1);
      assert(s1.text === first, `the first save is kept under ${s1.key}`);
      await page.waitForFunction((k) => { try { return JSON.parse(localStorage.getItem(k)).format === 2; } catch { return false; } }, KEY, { timeout: 5000 });
      await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, second]);
      await page.reload();
      const m2 = await announced(page, 'could not be read');
      const s2 = await spareNamed(page, m2);
      assert(s2.key !== s1.key, `a second spare key, not the first again (${s2.key})`);
      assert(s2.text === second, `the second save is kept under ${s2.key}`);
      assert((await page.evaluate((k) => localStorage.getItem(k), s1.key)) === first, 'the first spare is unchanged');
      const notice = await page.locator('#storage-unusable').innerText();
      assert(notice.includes(s2.key), `the notice says where the copy is: ${notice}`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#storage-download')]);
      assert(readFileSync(await download.path(), 'utf8') === second, 'the kept save can be downloaded');
      await noViolations(page, 'kept-aside notice');
    },
  },
  {
    name: 'a save whose tender is null is not called restored: it is kept aside and the example shown',
    async run({ page, origin }) {
      await open(page, origin);
      await saved(page);
      const bad = JSON.stringify({ format: 2, protocol: null, tender: null, bids: { document: 'bids', tender: 't', bids: [] } });
      await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, bad]);
      await page.reload();
      await page.waitForSelector('#page-heading');
      await page.waitForTimeout(300);
      const said = await page.locator('#announce').innerText();
      assert(!said.includes('restored'), `not called restored: ${said}`);
      assert(said.includes('could not be read') && said.includes('"tender" is null'), `says why: ${said}`);
      const spare = await spareNamed(page, said);
      assert(spare.text === bad, 'the save is kept as it was');
      await page.goto(`${origin}/#/tender`);
      await page.waitForSelector('#f-tender-title');
      await retitle(page, 'Editable again');
      await page.waitForFunction(() => { try { return JSON.parse(localStorage.getItem('ulo.workspace')).tender.title === 'Editable again'; } catch { return false; } }, null, { timeout: 5000 });
    },
  },
  {
    name: 'format 0 is not a format this version knows, not "newer"; a bigger number is newer',
    async run({ page, origin }) {
      await open(page, origin);
      await saved(page);
      const w = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)), KEY);
      for (const [format, words, not] of [[0, 'not a format this version of ulo knows', 'newer'], ['2', 'not a format this version of ulo knows', 'newer'], [3, 'newer than this version', 'not a format']]) {
        await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify({ ...w, format })]);
        await page.reload();
        const said = await announced(page, 'could not be read');
        assert(said.includes(words) && !said.includes(not), `format ${JSON.stringify(format)}: ${said}`);
        await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).format === 2, KEY, { timeout: 5000 });
      }
    },
  },
  {
    name: 'a save refused for lack of room: after a reload the app says the last changes may not have been saved',
    async run({ page, origin }) {
      await open(page, origin, 'tender');
      await saved(page);
      await retitle(page, 'Saved before the storage filled');
      await page.waitForFunction(() => JSON.parse(localStorage.getItem('ulo.workspace')).tender.title === 'Saved before the storage filled', null, { timeout: 5000 });
      assert(await fillQuota(page), 'the storage is full');
      await retitle(page, `An edit the browser cannot hold ${'z'.repeat(500)}`);
      await announced(page, 'did not let ulo save your work');
      await page.reload();
      await page.waitForSelector('#page-heading');
      const said = await announced(page, 'may not have been saved');
      assert(!said.includes('has been restored.'), `does not claim all was restored: ${said}`);
      assert((await savedTitle(page)) === 'Saved before the storage filled', 'the last save is what was reopened');
    },
  },
  {
    name: 'two tabs: the second is told the work is open elsewhere, takes over, and the first stops saving',
    async run({ page, context, origin, errors }) {
      const a = page;
      await open(a, origin, 'tender');
      await saved(a);
      const b = await context.newPage();
      b.on('pageerror', (e) => errors.push(String(e)));
      await open(b, origin, 'tender');
      const told = b.locator('#storage-tab');
      await told.waitFor({ timeout: 5000 }).catch(() => { throw new Error('the second tab is not told the work is open in another tab'); });
      assert((await told.getAttribute('role')) === 'alert', 'told in an alert');
      assert((await told.innerText()).includes('open in another tab'), await told.innerText());
      await noViolations(b, 'open-elsewhere notice');
      // The first tab saves; the second does not.
      await retitle(a, 'Edited in the first tab');
      await a.waitForFunction(() => JSON.parse(localStorage.getItem('ulo.workspace')).tender.title === 'Edited in the first tab', null, { timeout: 5000 });
      await retitle(b, 'Edited in the second tab before taking over');
      await b.waitForTimeout(800);
      assert((await savedTitle(a)) === 'Edited in the first tab', 'the second tab did not save over the first');
      // The second tab takes over: it opens the latest save and saves from then on.
      await b.click('#storage-take-over');
      await b.waitForFunction(() => !document.querySelector('#storage-tab'), null, { timeout: 5000 });
      await b.waitForFunction(() => document.querySelector('#f-tender-title')?.value === 'Edited in the first tab', null, { timeout: 5000 })
        .catch(() => { throw new Error('the tab taking over did not open the latest save'); });
      await announced(b, 'This tab now saves your work');
      // The first tab is told, and stops saving.
      const stopped = a.locator('#storage-tab');
      await stopped.waitFor({ timeout: 5000 }).catch(() => { throw new Error('the first tab is not told it stopped saving'); });
      assert((await stopped.innerText()).includes('stopped saving'), await stopped.innerText());
      await noViolations(a, 'stopped notice');
      await retitle(a, 'A late edit in the first tab');
      await a.waitForTimeout(800);
      assert((await savedTitle(a)) === 'Edited in the first tab', 'the first tab no longer saves');
      await retitle(b, 'Edited in the second tab');
      await b.waitForFunction(() => JSON.parse(localStorage.getItem('ulo.workspace')).tender.title === 'Edited in the second tab', null, { timeout: 5000 });
      // And back again: the first tab takes it back.
      await a.click('#storage-take-over');
      await a.waitForFunction(() => document.querySelector('#f-tender-title')?.value === 'Edited in the second tab', null, { timeout: 5000 });
      await b.locator('#storage-tab').waitFor({ timeout: 5000 });
      await b.close();
    },
  },
  {
    name: 'a save made elsewhere (the storage event) stops this tab saving over it',
    async run({ page, context, origin }) {
      await open(page, origin, 'tender');
      await saved(page);
      // Another page of the same origin that writes without asking (an older ulo, say).
      const other = await context.newPage();
      await other.goto(`${origin}/app.css`);
      await other.evaluate((k) => {
        const w = JSON.parse(localStorage.getItem(k));
        w.tender.title = 'Saved from elsewhere';
        localStorage.setItem(k, JSON.stringify(w));
      }, KEY);
      await page.locator('#storage-tab').waitFor({ timeout: 5000 }).catch(() => { throw new Error('the tab did not notice the save from elsewhere'); });
      await retitle(page, 'Not saved over it');
      await page.waitForTimeout(800);
      assert((await savedTitle(page)) === 'Saved from elsewhere', 'the save from elsewhere is kept');
      await other.close();
    },
  },
  {
    name: 'the self-check uses the same storage: an unusable save of answers is kept aside, twice',
    async run({ page, origin }) {
      await open(page, origin, 'tasks', 'bidder.html');
      await saved(page, 'ulo.selfcheck');
      const first = JSON.stringify({ format: 1, tender: null, draft: null });
      const second = JSON.stringify({ format: 0, tender: null, draft: {} });
      await page.evaluate((v) => localStorage.setItem('ulo.selfcheck', v), first);
      await page.reload();
      const m1 = await announced(page, 'could not be read');
      assert(m1.includes('"draft" is null') && !m1.includes('restored'), m1);
      const s1 = await spareNamed(page, m1);
      assert(s1.text === first, 'the first is kept');
      await page.waitForFunction(() => JSON.parse(localStorage.getItem('ulo.selfcheck')).draft !== null, null, { timeout: 5000 });
      await page.evaluate((v) => localStorage.setItem('ulo.selfcheck', v), second);
      await page.reload();
      const m2 = await announced(page, 'could not be read');
      assert(m2.includes('not a format this version') && !m2.includes('newer'), m2);
      const s2 = await spareNamed(page, m2);
      assert(s2.key !== s1.key && s2.text === second, `the second is kept apart (${s2.key})`);
      assert((await page.evaluate((k) => localStorage.getItem(k), s1.key)) === first, 'the first spare is unchanged');
      await noViolations(page, 'self-check kept-aside notice');
    },
  },
];

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.E2E_PORT || 8769);
  const dir = process.env.E2E_DIST || path.join(root, 'dist/app');
  const server = await startServer(dir, port);
  try {
    const { passed, failed, log } = await run('storage', tests, { origin: server.origin, only: process.env.ONLY });
    mkdirSync(path.join(root, 'target/e2e'), { recursive: true });
    writeFileSync(path.join(root, 'target/e2e/storage-requests.json'), JSON.stringify(log, null, 2));
    console.log(`${passed} passed, ${failed} failed`);
    process.exitCode = failed === 0 ? 0 : 1;
  } finally {
    server.stop();
  }
}
