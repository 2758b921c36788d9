// End-to-end tests of the browser app (dist/app) in real headless Chromium.
import { startServer, run, axe, assert, root } from './harness.mjs';
import path from 'node:path';
import { writeFileSync, mkdirSync } from 'node:fs';

const rankingFirst = (page, lot) => page.locator(`#ranking-${lot} tbody tr`).first().locator('th').innerText();

async function open(page, origin) {
  await page.goto(origin + '/');
  await page.waitForSelector('#ranking-lot-1 tbody tr');
}

async function setScore(page, { bid, criterion, evaluator, score }) {
  await page.selectOption('#edit-bid', bid);
  await page.selectOption('#edit-criterion', criterion);
  await page.selectOption('#edit-evaluator', evaluator);
  await page.selectOption('#edit-score', String(score));
  await page.click('button[type=submit]');
}

export const tests = [
  {
    name: 'the app loads and shows the worked example ranked by ulo-core',
    async run({ page, origin }) {
      await open(page, origin);
      assert((await rankingFirst(page, 'lot-1')) === 'Northfield Centre for Independent Living', 'lot-1 leader');
      const rows = await page.locator('#ranking-lot-1 tbody tr').count();
      assert(rows === 3, `lot-1 has ${rows} ranked bids, expected 3`);
      const total = await page.locator('#ranking-lot-1 tbody tr').first().locator('td.num').first().innerText();
      assert(total === '77.55', `lot-1 leader total ${total}, expected 77.55`);
      assert((await rankingFirst(page, 'lot-2')) === "Riverside Deaf and Disabled People's Organisation", 'lot-2 leader (tie broken on quality)');
      const tie = await page.locator('#ranking-lot-2 .tie').first().innerText();
      assert(tie.includes('settled by tie-break rule 1'), `tie reason shown: ${tie}`);
    },
  },
  {
    name: 'changing one evaluator score re-ranks the lot and announces the new total',
    async run({ page, origin }) {
      await open(page, origin);
      await setScore(page, { bid: 'b-westbridge', criterion: 'q-peer-support', evaluator: 'e1', score: 4 });
      await page.waitForFunction(() => document.querySelector('#announce').innerText.includes('Westbridge'));
      const said = await page.locator('#announce').innerText();
      assert(said.includes('total 84.08 (was 83.40)') && said.includes('now rank 1'), `announcement: ${said}`);
      assert((await page.locator('#announce').getAttribute('aria-live')) === 'polite', 'live region');
      assert((await rankingFirst(page, 'lot-2')) === 'Westbridge Care Trust', 'lot-2 re-ranked');
    },
  },
  {
    name: 'the Content-Security-Policy blocks connections to other origins',
    allowErrors: ['Content Security Policy', 'Failed to fetch', 'connect-src'],
    async run({ page, origin }) {
      await open(page, origin);
      const outcome = await page.evaluate(() => fetch('http://192.0.2.1/x').then(() => 'connected', () => 'blocked'));
      assert(outcome === 'blocked', `external fetch was ${outcome}`);
    },
  },
  {
    name: 'axe-core finds no accessibility violations',
    async run({ page, origin }) {
      await open(page, origin);
      const v = await axe(page);
      assert(v.length === 0, `axe violations: ${JSON.stringify(v)}`);
    },
  },
  {
    name: 'usable at 320 px wide',
    viewport: { width: 320, height: 640 },
    async run({ page, origin }) {
      await open(page, origin);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 0, `page scrolls sideways by ${overflow}px at 320px`);
      const v = await axe(page);
      assert(v.length === 0, `axe violations at 320px: ${JSON.stringify(v)}`);
    },
  },
];

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.E2E_PORT || 8766);
  const server = await startServer(path.join(root, 'dist/app'), port);
  try {
    const { passed, failed, log } = await run('app', tests, { origin: server.origin, only: process.env.ONLY });
    mkdirSync(path.join(root, 'target/e2e'), { recursive: true });
    writeFileSync(path.join(root, 'target/e2e/app-requests.json'), JSON.stringify(log, null, 2));
    console.log(`${passed} passed, ${failed} failed`);
    process.exitCode = failed === 0 ? 0 : 1;
  } finally {
    server.stop();
  }
}
