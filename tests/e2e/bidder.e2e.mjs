// End-to-end tests of the bidder self-check (dist/app/bidder.html) in headless Chromium.
import { startServer, run, axe, assert, root } from './harness.mjs';
import path from 'node:path';
import { writeFileSync, mkdirSync } from 'node:fs';

/** Opens a step: by loading the page the first time, then as a user would, within the page
 * (a reload would drop a change still being saved). */
async function open(page, origin, step = 'tasks') {
  if (page.url().startsWith(`${origin}/bidder.html`)) {
    await page.evaluate((s) => { location.hash = `#/${s}`; }, step);
    await page.waitForFunction((s) => location.hash === `#/${s}`, step);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  } else {
    await page.goto(`${origin}/bidder.html#/${step}`);
  }
  await page.waitForSelector('#page-heading');
}

async function tabTo(page, selector, max = 150) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${selector} with the Tab key`);
}

const status = (page, task) => page.locator(`#task-${task}-status`).innerText();

/** Fills the organisation and price sections of the worked example's CIL with the mouse. */
async function fillExample(page, origin, { board = true } = {}) {
  await open(page, origin, 'tender');
  await page.click('#use-example');
  await open(page, origin, 'organisation');
  await page.fill('#f-draft-organisation-name', 'Northfield Centre for Independent Living');
  await page.keyboard.press('Tab');
  await page.selectOption('#f-draft-organisation-legal_form', 'charitable_incorporated_organisation');
  if (board) {
    await page.fill('#f-draft-organisation-board-voting_members', '12');
    await page.fill('#f-draft-organisation-board-disabled_or_service_users', '10');
  }
  await page.fill('#f-draft-organisation-staff-total', '22');
  await page.fill('#f-draft-organisation-staff-disabled', '14');
  await page.check('#f-draft-organisation-accountable_to_members-0');
  await page.check('#f-draft-organisation-social_model_commitment-0');
  await open(page, origin, 'price');
  await page.fill('#f-draft-price', '352000');
  await page.fill('#f-draft-facts-local_staff_percent', '80');
  await page.keyboard.press('Tab');
}

export const tests = [
  {
    name: 'a self-check on the worked example can be completed with the keyboard alone',
    async run({ page, origin }) {
      await open(page, origin);
      assert((await status(page, 'organisation')) === 'Cannot start yet', 'sections wait for a tender');
      await tabTo(page, '#task-tender');
      await page.keyboard.press('Enter');
      await tabTo(page, '#use-example');
      await page.keyboard.press('Enter');
      // Which law applies shows as soon as the tender is chosen, before any answer.
      await page.waitForSelector('#regime');
      const law = await page.locator('#regime').innerText();
      assert(law.includes('Procurement Act 2023: light-touch contract'), `the regime on choosing the tender: ${law}`);
      await tabTo(page, '#save-and-return');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => location.hash === '#/tasks');
      assert((await status(page, 'tender')) === 'Completed', 'tender chosen');

      await tabTo(page, '#task-organisation');
      await page.keyboard.press('Enter');
      await tabTo(page, '#f-draft-organisation-name');
      await page.keyboard.type('Northfield Centre for Independent Living');
      await page.keyboard.press('Tab');
      await tabTo(page, '#f-draft-organisation-legal_form');
      await page.keyboard.type('charitable'); // type-ahead: "Charitable incorporated organisation"
      for (const [id, value] of [['board-voting_members', '12'], ['board-disabled_or_service_users', '10'], ['staff-total', '22'], ['staff-disabled', '14']]) {
        await tabTo(page, `#f-draft-organisation-${id}`);
        await page.keyboard.type(value);
      }
      // A radio group is one Tab stop, on its checked radio ("Not stated"); an arrow moves on
      // round to "Yes" and checks it.
      await tabTo(page, 'input[name="f-draft-organisation-accountable_to_members"]');
      await page.keyboard.press('ArrowRight');
      await tabTo(page, 'input[name="f-draft-organisation-social_model_commitment"]');
      await page.keyboard.press('ArrowRight');
      await tabTo(page, '#save-and-return');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => location.hash === '#/tasks');
      assert((await status(page, 'organisation')) === 'Completed', `organisation: ${await status(page, 'organisation')}`);

      await tabTo(page, '#task-price');
      await page.keyboard.press('Enter');
      await tabTo(page, '#f-draft-price');
      await page.keyboard.type('352000');
      await tabTo(page, '#f-draft-facts-local_staff_percent');
      await page.keyboard.type('80');
      await tabTo(page, '#save-and-return');
      await page.keyboard.press('Enter');

      await tabTo(page, '#task-scores');
      await page.keyboard.press('Enter');
      // Each question: Tab into its radios, then an arrow key picks a score (the first is 0).
      for (const q of ['q-outcomes', 'q-peer-support', 'q-safeguarding', 'ul-delivery', 'ul-coproduction', 'sv-plan']) {
        await tabTo(page, `input[type=radio][name="f-draft-expected-${q}"]`);
        for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown'); // 0 -> 4? first press selects 1...
      }
      await tabTo(page, '#save-and-return');
      await page.keyboard.press('Enter');
      assert((await status(page, 'scores')) === 'Completed', `scores: ${await status(page, 'scores')}`);

      await tabTo(page, '#task-gates');
      await page.keyboard.press('Enter');
      for (const g of ['safeguarding-policy', 'data-protection']) {
        await tabTo(page, `input[type=radio][name="f-draft-gates-${g}"]`);
        await page.keyboard.press('Space');
      }
      await tabTo(page, '#save-and-return');
      await page.keyboard.press('Enter');

      if (!(await page.locator('a#task-result').count())) {
        throw new Error(`result not available; draft: ${await page.evaluate(() => JSON.stringify(JSON.parse(localStorage.getItem('ulo.selfcheck')).draft))}`);
      }
      await tabTo(page, '#task-result');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#verdict');
      const verdict = await page.locator('#verdict').innerText();
      assert(verdict.startsWith('Yes: you count as a user-led organisation'), verdict);
      const projected = await page.locator('#projected').innerText();
      assert(/^\d+\.\d\d to \d+\.\d\d out of 100\.00$/.test(projected), `projected range: ${projected}`);
      const easy = await page.locator('.easy-read li').allInnerTexts();
      assert(easy[0] === 'You are a user-led organisation under the rules for this tender.', JSON.stringify(easy));
      const q = await page.locator('#question-0').inputValue();
      assert(q.endsWith('?'), `a clarification question: ${q}`);
    },
  },
  {
    name: 'the projected range moves when an expected score changes',
    async run({ page, origin }) {
      await fillExample(page, origin);
      await open(page, origin, 'scores');
      for (const q of ['q-outcomes', 'q-peer-support', 'q-safeguarding', 'ul-delivery', 'ul-coproduction', 'sv-plan']) {
        await page.check(`input[name="f-draft-expected-${q}"][value="3"]`);
      }
      const before = await page.locator('#projection-range').innerText();
      await page.check('input[name="f-draft-expected-q-outcomes"][value="5"]');
      await page.waitForFunction((b) => document.querySelector('#projection-range').innerText !== b, before);
      const after = await page.locator('#projection-range').innerText();
      // 2 more points on an 18-mark question out of 5: 7.20 more marks at both ends.
      const [b0, b1] = before.match(/[\d.]+/g).map(Number);
      const [a0, a1] = after.match(/[\d.]+/g).map(Number);
      assert(Math.round((a0 - b0) * 100) === 720 && Math.round((a1 - b1) * 100) === 720, `${before} -> ${after}`);
      assert((await page.locator('#projection').getAttribute('aria-live')) === 'polite', 'announced');
      await page.selectOption('#f-draft-expected-sv-plan-high', '5');
      await page.waitForFunction((a) => document.querySelector('#projection-range').innerText !== a, after);
      const ranged = await page.locator('#projection-range').innerText();
      const [r0, r1] = ranged.match(/[\d.]+/g).map(Number);
      assert(r0 === a0 && Math.round((r1 - a1) * 100) === 240, `a range widens only the high end: ${after} -> ${ranged}`);
    },
  },
  {
    name: 'answers are kept after reloading',
    async run({ page, origin }) {
      await fillExample(page, origin);
      await page.reload();
      await page.waitForSelector('#page-heading');
      assert((await page.inputValue('#f-draft-price')) === '352000', 'price kept');
      await open(page, origin, 'tasks');
      assert((await status(page, 'organisation')) === 'Completed', 'organisation kept');
      assert((await page.locator('#announce').innerText()).includes('Your answers have been restored.'), 'restoration announced');
    },
  },
  {
    name: 'a bidder without board details sees "not enough information" and what to add',
    async run({ page, origin }) {
      await fillExample(page, origin, { board: false });
      await open(page, origin, 'result');
      const verdict = await page.locator('#verdict').innerText();
      assert(verdict.startsWith('Not enough information to say yet'), verdict);
      const items = await page.locator('ul.checks li').allInnerTexts();
      const board = items.find((t) => t.includes('75% of voting board members'));
      assert(board && board.includes('What to add: Add the number of voting board members, and how many of them are disabled people'), `what to add: ${board}`);
      const easy = await page.locator('.easy-read li').allInnerTexts();
      assert(easy.includes('We cannot tell yet if you are a user-led organisation.'), JSON.stringify(easy));
    },
  },
  {
    name: 'the self-check result shows which law applies first, with its trace',
    async run({ page, origin }) {
      await fillExample(page, origin);
      await open(page, origin, 'result');
      const headings = await page.locator('main h2').allInnerTexts();
      assert(headings[0] === 'Which law applies' && headings.indexOf('In easy read') === 1, `the regime before the easy read: ${JSON.stringify(headings)}`);
      const d = await page.locator('#regime').innerText();
      assert(d.includes('Procurement Act 2023: light-touch contract') && d.includes('England') && d.includes('Worked out from what the tender says'), `the regime: ${d}`);
      const trace = page.locator('#regime details.regime__trace');
      assert(!(await trace.evaluate((e) => e.open)), 'the trace starts folded');
      await trace.locator('summary').click();
      const steps = await page.locator('#regime .regime__steps li').allInnerTexts();
      assert(steps.some((t) => t.includes('85312000') && t.includes('Source: ')), `each step with its clause: ${JSON.stringify(steps)}`);
      const v = await axe(page);
      assert(v.length === 0, `axe violations with the trace open: ${JSON.stringify(v)}`);
    },
  },
  // ---- issue 16, item 13: the result leads with what stops a bid; the easy read in whole
  // numbers with pictures ----
  {
    name: 'item 13: an expected score below a disqualifying minimum leads the result: "Your bid would be excluded", before any score',
    async run({ page, origin }) {
      await fillExample(page, origin);
      await open(page, origin, 'scores');
      for (const q of ['q-outcomes', 'q-peer-support', 'ul-delivery', 'ul-coproduction', 'sv-plan']) {
        await page.check(`input[name="f-draft-expected-${q}"][value="3"]`);
      }
      // Safeguarding has a minimum of 2 that disqualifies (the shipped protocol).
      const p = JSON.parse((await import('node:fs')).readFileSync(path.join(root, 'core/protocols/ulcp.json'), 'utf8'));
      const safeguarding = p.award_model.criteria.flatMap((c) => c.children || [c]).find((c) => c.id === 'q-safeguarding');
      assert(safeguarding.method.minimum.score === 2 && safeguarding.method.minimum.disqualifies, 'the protocol sets a disqualifying minimum of 2');
      await page.check('input[name="f-draft-expected-q-safeguarding"][value="1"]');
      await open(page, origin, 'result');
      const headings = await page.locator('main h2').allInnerTexts();
      // Which law applies opens every result (issue 12); what stops the bid comes next, before any score.
      assert(headings[0] === 'Which law applies' && headings[1] === 'Your bid would be excluded', `what stops the bid comes before any score: ${JSON.stringify(headings)}`);
      const stop = await page.locator('#stop').innerText();
      assert(stop.includes('Safeguarding and quality assurance has a minimum score of 2; you expect 1.'), `the reason: ${stop}`);
      assert(headings.some((h) => h.includes('if it were not excluded')), `the score is what it would be if not excluded: ${JSON.stringify(headings)}`);
      const easy = await page.locator('.easy-read li').allInnerTexts();
      assert(easy[0].startsWith('Your bid would be excluded: ') && easy[0].includes('safeguarding') && easy[0].includes('2'), `easy read leads with it: ${easy[0]}`);
      const marks = easy.findIndex((t) => t.includes('marks out of'));
      assert(marks > 0, `a score line after: ${JSON.stringify(easy)}`);
      assert(!easy.some((t) => /could stop/.test(t)), `no "could" for what would happen: ${JSON.stringify(easy)}`);
      // Whole numbers, matching the exact range shown below.
      assert(!easy.some((t) => /\d\.\d/.test(t)), `whole numbers only: ${JSON.stringify(easy)}`);
      const [lo, hi] = (await page.locator('#projected').innerText()).match(/[\d.]+/g).map(Number);
      assert(easy[marks].includes(`about ${Math.round(lo)} to ${Math.round(hi)} marks out of 100`), `${easy[marks]} vs ${lo} to ${hi}`);
      // A picture per line, with words for those who do not see it; the stop is a stop.
      const pics = await page.$$eval('.easy-read li', (l) => l.map((li) => li.querySelector('svg[role="img"]')?.getAttribute('aria-label')));
      assert(pics.length === easy.length && pics.every((a) => a && a.length > 1), `pictures: ${JSON.stringify(pics)}`);
      assert(pics[0] === 'Stop' && pics[marks] === 'Marks', `the right pictures: ${JSON.stringify(pics)}`);
      assert((await page.locator('.easy-read img').count()) === 0, 'no images fetched');
      const v = await axe(page);
      assert(v.length === 0, `axe violations: ${JSON.stringify(v)}`);

      // Expecting 1 but perhaps 3: now it could stop the bid, and says "could".
      await open(page, origin, 'scores');
      await page.selectOption('#f-draft-expected-q-safeguarding-high', '3');
      await open(page, origin, 'result');
      assert((await page.locator('#stop').count()) === 0, 'not excluded when it is only a risk');
      const easy2 = await page.locator('.easy-read li').allInnerTexts();
      assert(!easy2.some((t) => t.includes('would be excluded')), JSON.stringify(easy2));
      assert(easy2.some((t) => t.includes('safeguarding') && t.includes('could score below') && t.includes('could stop your bid')), `a real "could": ${JSON.stringify(easy2)}`);
      assert((await page.locator('main h2').allInnerTexts())[0] === 'Which law applies', 'the regime first again');
    },
  },
  {
    name: 'the self-check result downloads as JSON',
    async run({ page, origin }) {
      await fillExample(page, origin);
      await open(page, origin, 'result');
      const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#download-result')]);
      const r = JSON.parse(await (await import('node:fs')).promises.readFile(await dl.path(), 'utf8'));
      assert(r.document === 'self-check-result' && r.eligibility.verdict === 'yes' && r.easy_read.length > 3, 'result document');
    },
  },
  {
    name: 'axe-core finds no accessibility violations on any step',
    async run({ page, origin }) {
      await fillExample(page, origin);
      const found = [];
      for (const s of ['tasks', 'tender', 'organisation', 'price', 'scores', 'gates', 'result']) {
        await open(page, origin, s);
        const v = await axe(page);
        if (v.length) found.push({ step: s, violations: v });
      }
      assert(found.length === 0, JSON.stringify(found));
    },
  },
  {
    name: 'usable at 320 px wide on every step',
    viewport: { width: 320, height: 640 },
    async run({ page, origin }) {
      await fillExample(page, origin);
      const wide = [];
      for (const s of ['tasks', 'tender', 'organisation', 'price', 'scores', 'gates', 'result']) {
        await open(page, origin, s);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) wide.push(`${s}: ${overflow}px`);
      }
      assert(wide.length === 0, wide.join(', '));
    },
  },
];

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.E2E_PORT || 8767);
  const server = await startServer(path.join(root, 'dist/app'), port);
  try {
    const { passed, failed, log } = await run('bidder', tests, { origin: server.origin, only: process.env.ONLY });
    mkdirSync(path.join(root, 'target/e2e'), { recursive: true });
    writeFileSync(path.join(root, 'target/e2e/bidder-requests.json'), JSON.stringify(log, null, 2));
    console.log(`${passed} passed, ${failed} failed`);
    process.exitCode = failed === 0 ? 0 : 1;
  } finally {
    server.stop();
  }
}
