// End-to-end tests of the commissioner app (dist/app) in real headless Chromium: each test runs
// in a fresh browser context; every request is logged, and a request outside the origin fails
// the test (see harness.mjs).
import { startServer, run, axe, assert, root } from './harness.mjs';
import path from 'node:path';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';

const SCREENS = ['results', 'tender', 'bids', 'scoring', 'moderation', 'protocol', 'what-if', 'export', 'report'];

const firstInLot = (page, lot) => page.locator(`#ranking-${lot} tbody tr`).first().locator('th').innerText();
const totalOf = (page, lot, name) => page.locator(`#ranking-${lot} tbody tr`, { hasText: name }).locator('td.num').first().innerText();

async function open(page, origin, screen = 'results') {
  await page.goto(`${origin}/#/${screen}`);
  await page.waitForSelector('#page-heading');
}

async function go(page, screen) {
  await page.click(`#nav-${screen}`);
  await page.waitForFunction((s) => location.hash === `#/${s}`, screen);
}

/** Presses Tab until the focused element matches `selector` (at most `max` presses). */
async function tabTo(page, selector, max = 120) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${selector} with the Tab key`);
}

async function announced(page, text) {
  // Right after a reload the app may not have drawn the live region yet: wait for it too,
  // rather than letting the check throw on a missing element before the text can arrive.
  await page.waitForFunction((t) => document.querySelector('#announce')?.innerText.includes(t), text, { timeout: 5000 })
    .catch(async (e) => {
      const said = await page.locator('#announce').innerText().catch(() => '(no live region)');
      throw new Error(`announcement lacks "${text}": "${said}" (${e.message.split('\n')[0]})`);
    });
}

/** Gives a score in the scoring grid (issue 16, item 12): the evaluator's grid, the bid's row,
 * the criterion's cell, typed in. */
async function chooseScore(page, { evaluator, bid, criterion, score }) {
  await page.selectOption('#score-evaluator', evaluator);
  const name = bid.replace(/ \(lot [^)]*\)$/, '');
  const row = page.locator('#score-grid tbody tr', { has: page.locator('th', { hasText: name }) });
  await row.locator(`input[data-pointer$="/scores/${criterion}/${evaluator}/score"]`).fill(String(score));
}

/** The shipped protocol (ulcp 2.0.0, which knows regimes), as the app has it by default. */
const shipped = () => JSON.parse(readFileSync(path.join(root, 'core/protocols/ulcp.json'), 'utf8'));

/**
 * Opens the tender screen under the shipped protocol, with the worked example's `procurement`
 * block taken out when `facts` is false, so that the regime starts not stated. Gives the
 * protocol, to read the expected rules from.
 */
async function regimeTender(page, origin, { facts = true } = {}) {
  await open(page, origin, 'tender');
  if (!facts) {
    await page.evaluate(() => {
      const w = JSON.parse(localStorage.getItem('ulo.workspace'));
      delete w.tender.procurement;
      localStorage.setItem('ulo.workspace', JSON.stringify(w));
    });
    await page.reload();
    await page.waitForSelector('#page-heading');
  }
  const p = shipped();
  assert(p.barriers.some((b) => b.applies), 'the shipped protocol knows regimes');
  return p;
}

/** The rules of a protocol that no entry applies under `regime`. */
const notUnder = (p, regime) => p.barriers.filter((b) => b.applies && !b.applies.some((a) => a.regimes.includes(regime)));
/** A rule's note under `regime`, if its entry has one. */
const noteUnder = (p, id, regime) => p.barriers.find((b) => b.id === id).applies.find((a) => a.regimes.includes(regime))?.note;

/** The finding about a rule (on the tender screen, in the findings column). */
const finding = (page, rule) => page.locator(`.findings .finding[data-rule="${rule}"]`).first();

export const tests = [
  {
    name: 'the app opens with the worked example scored and ranked by ulo-core',
    async run({ page, origin }) {
      await open(page, origin);
      assert((await firstInLot(page, 'lot-1')) === 'Northfield Centre for Independent Living', 'lot-1 leader');
      assert((await totalOf(page, 'lot-1', 'Northfield')) === '77.18', 'lot-1 leader total');
      assert((await page.locator('#ranking-lot-1 tbody tr').count()) === 3, 'three ranked bids in lot-1');
      assert((await firstInLot(page, 'lot-2')) === "Riverside Deaf and Disabled People's Organisation", 'lot-2 leader (tie broken on quality)');
      const tie = await page.locator('#ranking-lot-2 .tie').first().innerText();
      assert(tie.includes('settled by tie-break rule 1'), `tie reason: ${tie}`);
      const flag = await page.locator('#ranking-lot-1 .flag').first().innerText();
      assert(flag.includes('Abnormally low'), `abnormally low flag shown in words: ${flag}`);
    },
  },
  {
    name: 'every figure on a scorecard opens its explanation and source',
    async run({ page, origin }) {
      await open(page, origin);
      await page.click('#scorecard-b-northfield > summary');
      const rows = page.locator('#scorecard-b-northfield tbody tr');
      const n = await rows.count();
      assert(n === 11, `11 criteria rows, found ${n}`);
      for (let i = 0; i < n; i++) {
        assert((await rows.nth(i).locator('details.trace').count()) === 1, `row ${i} has an explanation`);
      }
      const price = rows.filter({ hasText: 'Price' });
      await price.locator('summary').click();
      const text = await price.locator('.trace__body').innerText();
      assert(text.includes('210000 ÷ 352000 × 30') && text.includes('17.90') && text.includes('Source: Cabinet Office'), `price explanation: ${text}`);
    },
  },
  {
    name: 'changing one evaluator score re-ranks the lot and announces the new total',
    async run({ page, origin }) {
      await open(page, origin, 'scoring');
      await chooseScore(page, { evaluator: 'e1', bid: 'Westbridge Care Trust (lot lot-2)', criterion: 'q-peer-support', score: 4 });
      await announced(page, 'Westbridge Care Trust: total 82.58 (was 81.90), now rank 1 in lot lot-2.');
      assert((await page.locator('#announce').getAttribute('aria-live')) === 'polite', 'announced politely');
      await go(page, 'results');
      assert((await firstInLot(page, 'lot-2')) === 'Westbridge Care Trust', 'lot-2 re-ranked');
      assert((await totalOf(page, 'lot-2', 'Westbridge')) === '82.58', 'new total shown');
    },
  },
  {
    name: 'a change is kept after reloading the page',
    async run({ page, origin }) {
      await open(page, origin, 'scoring');
      await chooseScore(page, { evaluator: 'e1', bid: 'Westbridge Care Trust (lot lot-2)', criterion: 'q-peer-support', score: 4 });
      await announced(page, 'Westbridge Care Trust: total 82.58');
      await page.reload();
      await page.waitForSelector('#page-heading');
      await announced(page, 'Your saved work has been restored.');
      await go(page, 'results');
      assert((await totalOf(page, 'lot-2', 'Westbridge')) === '82.58', 'the change survived the reload');
    },
  },
  {
    name: 'work saved by an older version is migrated and restored',
    async run({ page, origin }) {
      await page.goto(origin + '/');
      await page.waitForSelector('#page-heading');
      const v1 = await page.evaluate(() => {
        const saved = JSON.parse(localStorage.getItem('ulo.workspace'));
        saved.tender.title = 'A tender saved by ulo 0.1';
        return JSON.stringify({ format: 1, tender: saved.tender, bids: saved.bids });
      });
      await page.evaluate((v) => localStorage.setItem('ulo.workspace', v), v1);
      await page.reload();
      await announced(page, 'restored and updated to this version');
      assert((await page.locator('.working-on').innerText()).includes('A tender saved by ulo 0.1'), 'migrated title');
      const format = await page.evaluate(() => JSON.parse(localStorage.getItem('ulo.workspace')).format);
      assert(format === 2, `saved again in the current format, got ${format}`);
    },
  },
  {
    name: 'a broken file shows located errors and leaves the work untouched',
    allowErrors: [],
    async run({ page, origin }) {
      await open(page, origin, 'bids');
      const bids = JSON.parse(readFileSync(path.join(root, 'core/protocols/example-bids.json'), 'utf8'));
      bids.bids[0].price = 352000; // a number where the format wants text
      bids.bids[1].scores['q-outcomes'].e1.score = 9; // off the scale
      await page.setInputFiles('#import-bids', { name: 'bad-bids.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bids)) });
      await page.waitForSelector('#import-bids-problems');
      const said = await page.locator('#import-bids-problems').innerText();
      assert(said.includes('was not imported. Your work is unchanged.'), said);
      assert(said.includes('At /bids/0/price:') && said.includes('Expected an amount in pounds written as text'), `located type error: ${said}`);
      await page.setInputFiles('#import-bids', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"document": "bids",\n  "tender": }') });
      await page.waitForFunction(() => document.querySelector('#import-bids-problems').innerText.includes('broken.json'));
      const syntax = await page.locator('#import-bids-problems').innerText();
      assert(syntax.includes('line 2, column'), `syntax error located: ${syntax}`);
      // A file over the 16 MB cap is refused before it is read, with its size said.
      await page.setInputFiles('#import-bids', { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(17 * 1024 * 1024, 32) });
      await page.waitForFunction(() => document.querySelector('#import-bids-problems').innerText.includes('huge.json'));
      const huge = await page.locator('#import-bids-problems').innerText();
      assert(huge.includes('is 17 MB; ulo reads files of up to 16 MB. Nothing was changed.'), `size cap: ${huge}`);
      await go(page, 'results');
      assert((await totalOf(page, 'lot-1', 'Northfield')) === '77.18', 'work intact');
    },
  },
  {
    name: 'a scoring flow can be completed with the keyboard alone',
    async run({ page, origin }) {
      await page.goto(origin + '/');
      await page.waitForSelector('#page-heading');
      await page.keyboard.press('Tab');
      assert(await page.evaluate(() => document.activeElement.classList.contains('skip-link')), 'skip link first');
      await tabTo(page, '#nav-scoring');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => location.hash === '#/scoring');
      await tabTo(page, '#score-evaluator');
      await page.keyboard.press('ArrowDown'); // e2: Officer B
      // The grid: Tab lands on its one cell in the Tab order; arrows move to Westbridge's row.
      await tabTo(page, '#score-grid input[tabindex="0"]');
      const row = await page.$$eval('#score-grid tbody tr', (rs) => rs.findIndex((r) => r.querySelector('th').innerText.startsWith('Westbridge')));
      for (let i = 0; i < row; i++) await page.keyboard.press('ArrowDown');
      const pointer = await page.evaluate(() => document.activeElement.dataset.pointer);
      assert(pointer.endsWith('/scores/q-outcomes/e2/score'), `the first question's cell: ${pointer}`);
      await page.keyboard.type('5');
      await announced(page, 'Officer B (finance) scored Westbridge Care Trust 5 (Excellent) for Independent living outcomes.');
      await tabTo(page, 'textarea[id*="q-outcomes-e2-rationale"]');
      await page.keyboard.type('Clear, evidenced outcomes built with members.');
      await page.keyboard.press('Tab');
      // Text is saved a moment after the field loses focus.
      await page.waitForFunction(() => JSON.parse(localStorage.getItem('ulo.workspace')).bids.bids.find((b) => b.id === 'b-westbridge').scores['q-outcomes'].e2.rationale !== undefined);
      const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('ulo.workspace')).bids.bids.find((b) => b.id === 'b-westbridge').scores['q-outcomes'].e2);
      assert(saved.score === 5 && saved.rationale === 'Clear, evidenced outcomes built with members.', `saved: ${JSON.stringify(saved)}`);
      await announced(page, 'Westbridge Care Trust: total');
    },
  },
  {
    name: 'the CSV and JSON exports hold the scores',
    async run({ page, origin }) {
      await open(page, origin, 'export');
      const [csvDl] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
      const csv = readFileSync(await csvDl.path(), 'utf8');
      assert(csvDl.suggestedFilename() === 'example-ils-2026-scores.csv', csvDl.suggestedFilename());
      assert(csv.startsWith('\ufeff"lot","bid","bidder","status","rank","criterion"'), `header: ${csv.slice(0, 80)}`);
      assert(csv.includes('"lot-1","b-northfield","Northfield Centre for Independent Living","ranked","1","price","Price","","price","30","30.00","17.90","",""\r\n'), 'price row for Northfield');
      assert(csv.includes('"lot-1","b-northfield","Northfield Centre for Independent Living","ranked","1","total","Total","","total","100","100.00","77.18","",""'), 'total row');
      const rows = csv.trim().split('\r\n').length;
      assert(rows === 1 + 8 * 12, `one header and 12 rows for each of 8 bids, found ${rows}`);
      // One row per bid: price, total, rank and flags in words, for pasting into a report.
      const [wideDl] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv-wide')]);
      const wide = readFileSync(await wideDl.path(), 'utf8').trim().split('\r\n');
      assert(wideDl.suggestedFilename() === 'example-ils-2026-bids.csv', wideDl.suggestedFilename());
      assert(wide.length === 1 + 8, `one header and a row for each of 8 bids, found ${wide.length}`);
      const northfield = wide.find((r) => r.includes('"b-northfield"'));
      assert(northfield && northfield.includes('"77.18"') && northfield.includes('"ranked"'), `Northfield's row: ${northfield}`);
      assert(!wide.some((r) => r.includes('high_variance')), 'flags in words, not codes');
      const [jsonDl] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
      const result = JSON.parse(readFileSync(await jsonDl.path(), 'utf8'));
      assert(result.document === 'score-result' && result.input_hash.startsWith('sha256:'), 'result document');
      assert(result.lots[0].ranking[0].bid === 'b-northfield' && result.lots[0].ranking[0].total === '77.18', 'ranking in JSON');
    },
  },
  {
    name: 'a contract reserved to supported employment providers asks each bid for the facts s.32 tests, and the core decides',
    async run({ page, origin }) {
      await open(page, origin, 'tender');
      await page.check('input[name="f-tender-reservation-basis"][value="supported_employment"]');
      await page.waitForFunction(() => JSON.parse(localStorage.getItem('ulo.workspace')).tender.reservation?.basis === 'supported_employment');
      await go(page, 'bids');
      await page.click('button[aria-label="Edit the bid from Northfield Centre for Independent Living"]');
      const legend = await page.locator('legend', { hasText: 'The ground the contract is reserved on' }).count();
      assert(legend === 1, 'the reservation fieldset shows for a reserved contract');
      const saved = (f) => page.waitForFunction(f);
      await page.fill('#f-bids-bids-0-organisation-workforce-total', '20');
      await page.keyboard.press('Tab');
      await saved(() => JSON.parse(localStorage.getItem('ulo.workspace')).bids.bids[0].organisation.workforce?.total === 20);
      await page.fill('#f-bids-bids-0-organisation-workforce-disabled_or_disadvantaged', '7');
      await page.keyboard.press('Tab');
      await saved(() => JSON.parse(localStorage.getItem('ulo.workspace')).bids.bids[0].organisation.workforce?.disabled_or_disadvantaged === 7);
      await page.check('#f-bids-bids-0-organisation-employment_purpose-0');
      await saved(() => JSON.parse(localStorage.getItem('ulo.workspace')).bids.bids[0].organisation.employment_purpose === true);
      const org = await page.evaluate(() => JSON.parse(localStorage.getItem('ulo.workspace')).bids.bids[0].organisation);
      assert(org.workforce.total === 20 && org.workforce.disabled_or_disadvantaged === 7, `saved: ${JSON.stringify(org.workforce)}`);
      await go(page, 'results');
      // 7 of 20 is 35%, at least the 30% of s.32: Northfield stays ranked; bids that give no
      // workforce cannot be tested, so they are not ranked, with the reason.
      const lot1 = await page.locator('#ranking-lot-1').innerText();
      assert(lot1.includes('Northfield'), `Northfield ranked: ${lot1}`);
      const notRanked = await page.locator('main li', { hasText: 'Not ranked:' }).allInnerTexts();
      assert(notRanked.length > 0, `the others are not ranked until they give the facts: ${JSON.stringify(notRanked)}`);
    },
  },
  {
    name: 'a bidder name containing markup is shown as text',
    async run({ page, origin }) {
      await open(page, origin, 'bids');
      await page.click('button[aria-label="Edit the bid from QuickSupport Services Ltd"]');
      const evil = '<img src=x onerror="document.title=\'pwned\'"><b>Bold Ltd</b>';
      await page.fill('#f-bids-bids-2-organisation-name', evil);
      await page.keyboard.press('Tab');
      await go(page, 'results');
      const cell = await page.locator('#ranking-lot-1 tbody tr', { hasText: 'Bold Ltd' }).locator('th').innerText();
      assert(cell === evil, `rendered as text: ${cell}`);
      assert((await page.locator('main img').count()) === 0 && (await page.locator('main b').count()) === 0, 'no markup created');
      assert((await page.title()) !== 'pwned', 'no script ran');
    },
  },
  {
    name: 'the tender form shows barrier findings live, and says so plainly when there are none',
    async run({ page, origin }) {
      await open(page, origin, 'tender');
      const before = await page.locator('.findings .headline').innerText();
      assert(before.includes('Found 7 barriers the protocol recommends removing'), before);
      await page.fill('#f-tender-conditions-minimum_turnover', '');
      await page.keyboard.press('Tab');
      await page.waitForFunction(() => !document.querySelector('.findings [data-rule="turnover-proportionate"]'));
      await page.fill('#f-tender-lots-2-months', '36');
      await page.fill('#f-tender-response_deadline', '2026-06-22');
      await page.check('#f-tender-payment-in_arrears-1');
      await page.fill('#f-tender-lots-0-title', 'Peer support and advocacy');
      await go(page, 'protocol');
      await page.fill('#f-tender-weights-quality', '50');
      await page.fill('#f-tender-weights-price', '25');
      await page.keyboard.press('Tab');
      await go(page, 'tender');
      const after = await page.locator('.findings .headline').innerText();
      assert(after.includes('No barriers found'), `barrier-free: ${after}`);
    },
  },
  {
    name: 'an invalid entry gets an error summary linking to the field, and nothing is lost',
    async run({ page, origin }) {
      await open(page, origin, 'tender');
      await page.fill('#f-tender-lots-0-value', '360,00');
      await page.keyboard.press('Tab');
      await page.waitForSelector('.error-summary');
      const summary = await page.locator('.error-summary').innerText();
      assert(summary.includes('There is a problem') && summary.includes("Lot 1's value: \"360,00\" is not an amount in pounds"), summary);
      await page.click('.error-summary a');
      const focused = await page.evaluate(() => document.activeElement.id);
      assert(focused === 'f-tender-lots-0-value', `link moved focus to the field: ${focused}`);
      assert((await page.inputValue('#f-tender-lots-0-value')) === '360,00', 'the entry is kept as typed');
      assert((await page.locator('#f-tender-lots-0-value-error').innerText()).includes('Error:'), 'inline error');
    },
  },
  {
    name: 'which law applies: facts given with the keyboard derive light-touch, with its trace, and the findings follow',
    async run({ page, origin }) {
      const protocol = await regimeTender(page, origin, { facts: false });
      // Before any facts: the engine cannot tell, and says why.
      const before = await page.locator('#regime-decision').innerText();
      assert(before.includes('Regime not stated') && before.includes('nation is not stated'), `not stated first: ${before}`);
      await page.focus('#nav-tender');
      // Each fact is entered with the keyboard, then the test waits until the app has saved it
      // (so a slow machine cannot run one entry into the next), and says which one did not land.
      const procurement = () => page.evaluate(() => JSON.parse(localStorage.getItem('ulo.workspace')).tender.procurement || {});
      const landed = async (key, value) => {
        try {
          await page.waitForFunction(([k, v]) => JSON.stringify((JSON.parse(localStorage.getItem('ulo.workspace')).tender.procurement || {})[k]) === JSON.stringify(v), [key, value], { timeout: 10000 });
        } catch {
          throw new Error(`${key} was not saved as ${JSON.stringify(value)}: ${JSON.stringify(await procurement())}`);
        }
      };
      await tabTo(page, 'input[name="f-tender-procurement-route"]');
      await page.keyboard.press('ArrowDown'); // from "Not stated" round to "Buying services"
      await landed('route', 'contract');
      await tabTo(page, '#f-tender-procurement-nation');
      await page.keyboard.type('England');
      await landed('nation', 'england');
      await tabTo(page, '#f-tender-procurement-authority_type');
      await page.keyboard.type('A council');
      await landed('authority_type', 'council');
      await tabTo(page, '#f-tender-procurement-started');
      await page.keyboard.type('04202026'); // month, day, year in an en-US date field
      await page.keyboard.press('Tab');
      await landed('started', '2026-04-20');
      await tabTo(page, '#f-tender-procurement-value_including_vat');
      await page.keyboard.type('1260000');
      await page.keyboard.press('Tab');
      await landed('value_including_vat', '1260000');
      await tabTo(page, '#f-tender-procurement-cpv');
      await page.keyboard.type('85312000');
      await page.keyboard.press('Tab');
      await landed('cpv', ['85312000']);
      await page.waitForFunction(() => document.querySelector('#regime-decision')?.innerText.includes('light-touch contract'));
      const saved = await procurement();
      const want = { authority_type: 'council', cpv: ['85312000'], nation: 'england', route: 'contract', started: '2026-04-20', value_including_vat: '1260000' };
      assert(JSON.stringify(saved, Object.keys(saved).sort()) === JSON.stringify(want), `saved: ${JSON.stringify(saved)}`);
      const d = await page.locator('#regime-decision').innerText();
      assert(d.includes('Procurement Act 2023: light-touch contract') && d.includes('England') && d.includes('Worked out from what the tender says'), `decision: ${d}`);
      assert(d.includes('85312000') && d.includes('663,540') && d.includes('1,260,000'), `the figures: ${d}`);
      const steps = await page.locator('#regime-decision-steps li').allInnerTexts();
      assert(steps.length >= 3 && steps.some((t) => t.includes('85312000') && t.includes('Source: ')), `each step with its clause: ${JSON.stringify(steps)}`);
      await announced(page, 'Which law applies: Procurement Act 2023: light-touch contract.');
      // The turnover test is the council's policy under PA 2023, not law; the 25-day minimum
      // does not apply to a light-touch contract, and the list says why.
      const turnover = await finding(page, 'turnover-proportionate').innerText();
      assert(turnover.includes('SHOULD FIX') || turnover.includes('Should fix'), `should, not must: ${turnover}`);
      assert(turnover.includes("The council's policy, not a requirement of the law"), `standing: ${turnover}`);
      const note = noteUnder(protocol, 'turnover-proportionate', 'pa2023_light_touch');
      assert(!note || turnover.includes(note), `the regime note: ${turnover}`);
      const na = await page.locator('#not-applicable-list li').allInnerTexts();
      const expected = notUnder(protocol, 'pa2023_light_touch');
      // One line per rule not applicable, and per lot for a rule about each lot.
      assert(expected.length > 0 && na.length >= expected.length && na.every((t) => expected.some((r) => t.startsWith(r.title))), `one line per rule (and lot) not applicable: ${JSON.stringify(na)}`);
      for (const r of expected) {
        assert(na.some((t) => t.startsWith(r.title) && t.includes('this tender is under Procurement Act 2023: light-touch contract')), `${r.id} not applicable, with the reason: ${JSON.stringify(na)}`);
      }
    },
  },
  {
    name: 'which law applies: a regime stated outright is used as stated, and a rule of its law is a must',
    async run({ page, origin }) {
      await regimeTender(page, origin);
      await page.selectOption('#f-tender-procurement-regime', 'pcr2015');
      await page.waitForFunction(() => document.querySelector('#regime-decision')?.innerText.includes('Stated by the commissioner'));
      const d = await page.locator('#regime-decision').innerText();
      assert(d.includes('Public Contracts Regulations 2015') && d.includes('The commissioner states the regime'), `stated: ${d}`);
      // PCR 2015 reg 58(9): yearly turnover at most twice the lot's whole value; lot-3 (named by its title, Information and advice) asks
      // 500,000 of a 240,000 lot.
      const turnover = await finding(page, 'turnover-whole-contract').innerText();
      assert(/must fix/i.test(turnover) && turnover.includes('The law requires this') && turnover.includes('reg 58(9)') && turnover.includes('(Information and advice)'), `law under PCR 2015: ${turnover}`);
      const yearly = await finding(page, 'turnover-proportionate').innerText();
      assert(yearly.includes("The council's policy, not a requirement of the law"), `the yearly comparison is policy under PCR 2015 too: ${yearly}`);
      assert((await page.locator('.findings .headline').innerText()).includes('the law requires'), 'the headline speaks of the law');
    },
  },
  {
    name: 'which law applies: with facts missing the regime is not stated, and findings say what they would be under each law',
    async run({ page, origin }) {
      await regimeTender(page, origin, { facts: false });
      await page.selectOption('#f-tender-procurement-nation', 'england');
      await page.waitForFunction(() => document.querySelector('#regime-decision')?.innerText.includes('date the procurement began is not stated'));
      const d = await page.locator('#regime-decision').innerText();
      assert(d.includes('Regime not stated') && d.includes('cannot be told') && d.includes('England'), `not stated, because: ${d}`);
      const whole = await finding(page, 'turnover-whole-contract').innerText();
      assert(whole.includes('Depends on which law applies'), `depends: ${whole}`);
      assert(whole.includes('Under Public Contracts Regulations 2015: the law requires it (must fix)'), `law under PCR: ${whole}`);
      assert(whole.includes('Under any other law: it does not apply'), whole);
      const turnover = await finding(page, 'turnover-proportionate').innerText();
      assert(turnover.includes('Depends on which law applies'), `depends: ${turnover}`);
      assert(turnover.includes('Under Procurement Act 2023 (above threshold) or Procurement Act 2023: light-touch contract: ') && turnover.includes("the council's policy (should fix)"), `policy under PA 2023: ${turnover}`);
    },
  },
  {
    name: 'ulcp 1.0.0 (which knows no regimes) still loads and scores as before: no regime in its results, the decision on the tender screen',
    async run({ page, origin }) {
      page.on('dialog', (d) => d.accept());
      await open(page, origin, 'protocol');
      await page.setInputFiles('#import-protocol', path.join(root, 'core/protocols/ulcp-1.0.0.json'));
      await page.waitForFunction(() => document.querySelector('main .lede')?.innerText.includes(' 1.0.0,'));
      await go(page, 'export');
      await page.setInputFiles('#import-tender', path.join(root, 'tests/pinned/example-tender-1.0.0.json'));
      await go(page, 'bids');
      await page.setInputFiles('#import-bids', path.join(root, 'tests/pinned/example-bids-1.0.0.json'));
      await go(page, 'results');
      await page.waitForSelector('#ranking-lot-1');
      assert((await totalOf(page, 'lot-1', 'Northfield')) === '77.55', 'the 1.0.0 figure reproduced');
      assert((await page.locator('#regime').count()) === 0, 'a 1.0.0 result carries no regime');
      assert((await page.locator('main h2').first().innerText()) === 'Rankings', 'rankings first, as before');
      await go(page, 'tender');
      assert((await page.locator('#regime-decision').innerText()).includes('Regime not stated'), 'the 1.0.0 example states no facts');
      await page.selectOption('#f-tender-procurement-regime', 'pa2023_light_touch');
      await page.waitForFunction(() => document.querySelector('#regime-decision')?.innerText.includes('Stated by the commissioner'));
      const note = await page.locator('.regime-decision .hint').last().innerText();
      assert(note.includes('1.0.0) does not depend on which law applies'), `says the protocol does not use it: ${note}`);
      assert((await page.locator('.findings .standing').count()) === 0, 'no standing on 1.0.0 findings');
      const headline = await page.locator('.findings .headline').innerText();
      assert(headline.includes('Found 1 barrier the protocol requires to be removed'), `1.0.0 findings unchanged: ${headline}`);
    },
  },
  {
    name: 'a CPV code that is not eight digits gets a plain error linked from the summary',
    async run({ page, origin }) {
      await open(page, origin, 'tender');
      await page.fill('#f-tender-procurement-cpv', '85312000, 8531200');
      await page.keyboard.press('Tab');
      await page.waitForSelector('#f-tender-procurement-cpv-error');
      // The form is checked as it is filled in: the error does not pull focus away from where
      // the Tab key put it (the summary is an alert, announced without moving focus).
      const focused = await page.evaluate(() => document.activeElement.name);
      assert(focused === 'f-tender-procurement-planned_procurement_notice', `focus stays on the next control: ${focused}`);
      assert((await page.getAttribute('.error-summary', 'role')) === 'alert', 'the summary is announced');
      const error = await page.locator('#f-tender-procurement-cpv-error').innerText();
      assert(error.includes('Error:') && error.includes('"8531200" is not a CPV code: eight digits'), `plain error: ${error}`);
      const describedBy = await page.getAttribute('#f-tender-procurement-cpv', 'aria-describedby');
      assert(describedBy.includes('f-tender-procurement-cpv-error'), `error tied to the field: ${describedBy}`);
      await page.locator('.error-summary a', { hasText: 'is not a CPV code' }).click();
      assert((await page.evaluate(() => document.activeElement.id)) === 'f-tender-procurement-cpv', 'the summary link moves focus to the field');
      assert((await page.inputValue('#f-tender-procurement-cpv')) === '85312000, 8531200', 'the entry is kept as typed');
    },
  },
  {
    name: 'results, the report and the check of the tender show the regime first, with its trace',
    async run({ page, origin }) {
      await regimeTender(page, origin);
      await page.selectOption('#f-tender-procurement-regime', 'pa2023_light_touch');
      await page.waitForFunction(() => document.querySelector('#regime-decision')?.innerText.includes('Stated by the commissioner'));
      await go(page, 'results');
      const headings = await page.locator('main h2').allInnerTexts();
      assert(headings[0] === 'Which law applies' && headings.indexOf('Rankings') > 0, `the regime comes first: ${JSON.stringify(headings)}`);
      assert((await page.locator('#regime').innerText()).includes('Procurement Act 2023: light-touch contract'), 'the regime on the results');
      assert(!(await page.locator('#regime details.regime__trace').evaluate((e) => e.open)), 'the trace starts folded');
      await page.locator('#regime details.regime__trace > summary').click();
      assert((await page.locator('#regime .regime__steps li').first().innerText()).includes('The commissioner states the regime'), 'the trace opens');
      await go(page, 'report');
      const report = await page.locator('main h2').allInnerTexts();
      // Which law applies first (after the contents), then the recommendation (issue 16, item
      // 14), before any finding.
      assert(report.indexOf('Which law applies') === 1 && report.indexOf('Recommendation and ranking') === 2 && report.indexOf('Barrier findings') > 2, `report order: ${JSON.stringify(report)}`);
      assert(await page.locator('#regime details.regime__trace').evaluate((e) => e.open), 'open for printing');
      assert((await page.locator('main').innerText()).includes("The council's policy, not a requirement of the law"), 'the report gives each finding\'s standing');
    },
  },
  {
    name: 'axe-core finds no violations in the regime sections, findings by standing and the lists of rules',
    async run({ page, origin }) {
      await regimeTender(page, origin, { facts: false });
      const found = [];
      const check = async (what) => {
        const v = await axe(page);
        if (v.length) found.push({ what, violations: v });
      };
      await check('tender, regime not stated (depends on which law applies)');
      await page.selectOption('#f-tender-procurement-nation', 'england');
      await page.selectOption('#f-tender-procurement-authority_type', 'council');
      await page.fill('#f-tender-procurement-started', '2026-04-20');
      await page.fill('#f-tender-procurement-value_including_vat', '1260000');
      await page.fill('#f-tender-procurement-cpv', '85312000');
      await page.keyboard.press('Tab');
      await page.waitForSelector('#not-applicable-list');
      await page.check('#f-tender-reservation-basis-3'); // below threshold, by location
      await page.waitForSelector('#f-tender-reservation-location');
      await check('tender, light-touch with a reservation');
      await page.fill('#f-tender-procurement-cpv', '8531200');
      await page.keyboard.press('Tab');
      await page.waitForSelector('#f-tender-procurement-cpv-error');
      await check('tender, a CPV error');
      await page.fill('#f-tender-procurement-cpv', '85312000');
      await page.keyboard.press('Tab');
      await page.waitForSelector('#not-applicable-list');
      for (const s of ['results', 'report']) {
        await go(page, s);
        await page.waitForSelector('#regime');
        if (s === 'results') await page.locator('#regime details.regime__trace > summary').click();
        await check(s);
      }
      assert(found.length === 0, `axe violations: ${JSON.stringify(found)}`);
    },
  },
  {
    name: 'a tender imported from a real OCDS release reports what mapped and can be used',
    async run({ page, origin }) {
      page.on('dialog', (d) => d.accept());
      await open(page, origin, 'tender');
      await page.setInputFiles('#import-ocds', path.join(root, 'tests/ocds/cf-2025-tender-domestic-abuse-support-adults.json'));
      await page.waitForSelector('#ocds-report');
      const report = await page.locator('#ocds-report').innerText();
      assert(report.includes('/releases/0/tender/value/amount → /lots/0/value'), `mapped value shown: ${report.slice(0, 400)}`);
      assert(report.includes('The tender is complete enough to check and score.'), 'complete');
      await page.click('#ocds-use');
      await page.waitForFunction(() => document.querySelector('#f-tender-title').value === 'Domestic Abuse Support Services - Adults');
      assert((await page.inputValue('#f-tender-authority')) === 'Dudley Metropolitan Borough Council', 'authority mapped');
      assert((await page.inputValue('#f-tender-response_deadline')) === '2025-02-14', 'deadline mapped');
      const headline = await page.locator('.findings .headline').innerText();
      assert(headline.includes('check'), `barrier check runs on the import: ${headline}`);
    },
  },
  {
    name: 'what if: moving a weight re-scores and says where the ranking would change',
    async run({ page, origin }) {
      await open(page, origin, 'what-if');
      const items = await page.locator('main .rules li').allInnerTexts();
      assert(items.length === 2 && items.every((t) => t.includes('ranking')), JSON.stringify(items));
      await page.focus('#what-if-slider');
      await page.keyboard.press('Home');
      const now = await page.locator('#what-if-now').innerText();
      assert(now.includes('Price 20%') && now.includes('Quality 55%'), now);
    },
  },
  {
    name: 'after the first visit the app works with the network off',
    async run({ page, context, origin }) {
      await open(page, origin);
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.reload(); // now served through the service worker, which keeps copies
      await page.waitForSelector('#ranking-lot-1 tbody tr');
      await context.setOffline(true);
      await page.reload();
      await page.waitForSelector('#ranking-lot-1 tbody tr');
      assert((await totalOf(page, 'lot-1', 'Northfield')) === '77.18', 'scored offline');
      await page.goto(origin + '/bidder.html#/tasks');
      await page.waitForSelector('#page-heading');
      await context.setOffline(false);
    },
  },
  {
    name: 'the Content-Security-Policy blocks connections to other origins',
    allowErrors: ['Content Security Policy', 'Failed to fetch', 'connect-src'],
    async run({ page, origin }) {
      await open(page, origin);
      // Blocked by the policy itself (a violation of connect-src is reported), not merely by
      // this machine's closed network.
      const outcome = await page.evaluate(async () => {
        const violation = new Promise((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true });
          setTimeout(() => resolve('no violation reported'), 3000);
        });
        const fetched = await fetch('http://192.0.2.1/x').then(() => 'connected', () => 'blocked');
        return { fetched, directive: await violation };
      });
      assert(outcome.fetched === 'blocked', `external fetch was ${outcome.fetched}`);
      assert(outcome.directive === 'connect-src', `CSP violation: ${outcome.directive}`);
      const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      assert(/connect-src 'self'/.test(policy) && /default-src 'none'|default-src 'self'/.test(policy), `policy: ${policy}`);
    },
  },
  {
    name: 'axe-core finds no accessibility violations on any screen',
    async run({ page, origin }) {
      await open(page, origin);
      const found = [];
      for (const s of SCREENS) {
        await go(page, s);
        await page.waitForSelector('#page-heading');
        if (s === 'results') {
          await page.click('#scorecard-b-northfield > summary');
          await page.locator('#scorecard-b-northfield details.trace > summary').first().click();
        }
        const v = await axe(page);
        if (v.length) found.push({ screen: s, violations: v });
      }
      assert(found.length === 0, `axe violations: ${JSON.stringify(found)}`);
    },
  },
  {
    name: 'usable at 320 px wide (400% zoom) on every screen',
    viewport: { width: 320, height: 640 },
    async run({ page, origin }) {
      await open(page, origin);
      const wide = [];
      for (const s of SCREENS) {
        await go(page, s);
        await page.waitForSelector('#page-heading');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) wide.push(`${s}: ${overflow}px`);
      }
      assert(wide.length === 0, `screens scrolling sideways at 320px: ${wide.join(', ')}`);
      const v = await axe(page);
      assert(v.length === 0, `axe violations at 320px: ${JSON.stringify(v)}`);
    },
  },
  // Issue 16: a commissioner's real week. Each test failed on main before its item was mended.
  {
    name: 'issue 16.3: a negative price in one bid leaves that bid out with the reason; every lot still scores and exports',
    async run({ page, origin }) {
      await open(page, origin, 'bids');
      await page.click('button[aria-label="Edit the bid from QuickSupport Services Ltd"]');
      await page.fill('#f-bids-bids-2-price', '-5');
      await page.keyboard.press('Tab');
      await page.waitForFunction(() => JSON.parse(localStorage.getItem('ulo.workspace')).bids.bids[2].price === '-5');
      await go(page, 'results');
      for (const lot of ['lot-1', 'lot-2', 'lot-3']) {
        assert((await page.locator(`#ranking-${lot}`).count()) === 1, `${lot} still ranked`);
      }
      const lot1 = await page.locator('#ranking-lot-1').innerText();
      assert(!lot1.includes('QuickSupport'), `QuickSupport is left out of lot-1's ranking: ${lot1}`);
      const out = await page.locator('[data-excluded-bid="b-quicksupport"]').innerText();
      assert(out.includes('QuickSupport') && out.includes('The price in the bid from QuickSupport Services Ltd'), `the reason is shown where its result would be: ${out}`);
      assert(!out.includes('/bids/'), `no pointer: ${out}`);
      const notice = await page.locator('#partial-notice').innerText();
      assert(notice.includes('the bid from QuickSupport Services Ltd'), `a partial result says so: ${notice}`);
      const v = await axe(page);
      assert(v.length === 0, `axe on a partial result: ${JSON.stringify(v)}`);
      await go(page, 'export');
      const [jsonDl] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
      const result = JSON.parse(readFileSync(await jsonDl.path(), 'utf8'));
      assert(result.lots.length === 3, `every lot exported: ${result.lots.length}`);
      // The fix link lands on the field, on the bids screen, with the bid's editor open.
      await go(page, 'results');
      await page.click('[data-excluded-bid="b-quicksupport"] a');
      await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'f-bids-bids-2-price', null, { timeout: 5000 });
    },
  },
  {
    name: 'issue 16.3: a new lot and a new bid are not pre-filled with 0, and are left out with the reason while the others score',
    async run({ page, origin }) {
      await open(page, origin, 'tender');
      await page.click('button:has-text("Add a lot")');
      await page.waitForSelector('#f-tender-lots-3-value');
      assert((await page.inputValue('#f-tender-lots-3-value')) === '', 'the new lot has no value typed for the user');
      assert((await page.locator('.error-summary').count()) === 0, 'a new lot is not an error while it is filled in');
      await go(page, 'bids');
      await page.click('button:has-text("Add a bid")');
      await page.waitForSelector('#f-bids-bids-8-price');
      assert((await page.inputValue('#f-bids-bids-8-price')) === '', 'the new bid has no price typed for the user');
      await go(page, 'results');
      for (const lot of ['lot-1', 'lot-2', 'lot-3']) {
        assert((await page.locator(`#ranking-${lot}`).count()) === 1, `${lot} still ranked`);
      }
      const lot4 = await page.locator('#excluded-lot-3').innerText();
      assert(lot4.includes("Lot 4's value is not given yet"), `the new lot's reason: ${lot4}`);
      const v = await axe(page);
      assert(v.length === 0, `axe with a lot set aside: ${JSON.stringify(v)}`);
      const bid = await page.locator('[data-excluded-bid="bid-9"]').innerText();
      assert(bid.includes('The price in the bid from New bidder 9 is not given yet'), `the new bid's reason: ${bid}`);
      await page.click('#excluded-lot-3 a');
      await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'f-tender-lots-3-value', null, { timeout: 5000 });
    },
  },
  {
    name: 'issue 16.3: the weights error links to the weight field on the Protocol screen, focused',
    async run({ page, origin }) {
      await open(page, origin, 'protocol');
      await page.fill('#f-tender-weights-price', '35');
      await page.keyboard.press('Tab');
      await page.waitForFunction(() => JSON.parse(localStorage.getItem('ulo.workspace')).tender.weights.price === '35');
      await go(page, 'results');
      const link = page.locator('main .notice a', { hasText: 'weight' }).first();
      const text = await link.innerText();
      assert(!text.includes('/weights'), `no pointer: ${text}`);
      await link.click();
      await page.waitForFunction(() => location.hash === '#/protocol');
      await page.waitForFunction(() => document.activeElement && document.activeElement.id.startsWith('f-tender-weights-'), null, { timeout: 5000 });
    },
  },
  {
    name: 'issue 16.4: focus moves to the error summary only when the user asks, never on leaving a field or adding a lot',
    async run({ page, origin }) {
      await open(page, origin, 'tender');
      await page.fill('#f-tender-lots-0-months', 'ten');
      await page.keyboard.press('Tab');
      await page.waitForSelector('.error-summary');
      await page.waitForTimeout(200);
      const after = await page.evaluate(() => document.activeElement.id);
      assert(after === 'f-tender-lots-0-price_ceiling', `focus stays where the user put it: ${after}`);
      await page.click('button:has-text("Add a lot")');
      await page.waitForSelector('#f-tender-lots-3-title');
      await page.waitForTimeout(200);
      const added = await page.evaluate(() => document.activeElement.closest('.error-summary') === null);
      assert(added, 'adding a lot does not move focus to the summary');
      await page.click('#check-tender');
      await page.waitForFunction(() => document.activeElement.classList.contains('error-summary'), null, { timeout: 5000 });
      const summary = await page.locator('.error-summary').innerText();
      assert(summary.includes("Lot 4's value is not given yet"), `asked, the summary lists what is still to give: ${summary}`);
    },
  },
  {
    name: 'issue 16.4: a blank tender does not open in error',
    async run({ page, origin }) {
      await open(page, origin, 'export');
      await page.click('button:has-text("Start again")');
      await page.click('button:has-text("Start again with a blank tender")');
      await go(page, 'tender');
      assert((await page.locator('.error-summary').count()) === 0, 'no error summary');
      assert((await page.locator('.error-message').count()) === 0, 'no field in error');
    },
  },
  {
    name: 'issue 16.5: errors name the field by its label, in plain words; amounts take commas and a pound sign',
    async run({ page, origin }) {
      await open(page, origin, 'tender');
      await page.fill('#f-tender-lots-0-value', '£185,000');
      await page.keyboard.press('Tab');
      await page.waitForFunction(() => JSON.parse(localStorage.getItem('ulo.workspace')).tender.lots[0].value === '185000');
      await page.fill('#f-tender-lots-1-value', '450,000.50');
      await page.keyboard.press('Tab');
      await page.waitForFunction(() => JSON.parse(localStorage.getItem('ulo.workspace')).tender.lots[1].value === '450000.50');
      assert((await page.locator('.error-summary').count()) === 0, 'both amounts accepted');
      await page.fill('#f-tender-lots-0-months', 'ten');
      await page.fill('#f-tender-title', '');
      await page.keyboard.press('Tab');
      await page.click('#check-tender');
      await page.waitForSelector('.error-summary');
      const summary = await page.locator('.error-summary').innerText();
      assert(summary.includes("Lot 1's contract length must be a whole number"), `named by its label: ${summary}`);
      assert(summary.includes('The title is not given yet'), `a missing field by its label: ${summary}`);
      for (const bad of ['schema', '(at /', '/lots/', 'not in quotes', 'written as text']) {
        assert(!summary.includes(bad), `no developer words ("${bad}"): ${summary}`);
      }
      const inline = await page.locator('#f-tender-lots-0-months-error').innerText();
      assert(!inline.includes('not in quotes'), `inline error in plain words: ${inline}`);
      await go(page, 'results');
      const results = await page.locator('main').innerText();
      assert(!results.includes('(at /') && !results.includes('schema'), `results in plain words: ${results.slice(0, 400)}`);
    },
  },
  {
    name: 'issue 16.7: new lots and evaluators get references not already used',
    async run({ page, origin }) {
      await open(page, origin, 'tender');
      page.on('dialog', (d) => d.accept());
      await page.click('button:has-text("Remove lot 2")');
      await page.waitForFunction(() => JSON.parse(localStorage.getItem('ulo.workspace')).tender.lots.length === 2);
      await page.click('button:has-text("Add a lot")');
      await page.waitForFunction(() => JSON.parse(localStorage.getItem('ulo.workspace')).tender.lots.length === 3);
      const lots = await page.evaluate(() => JSON.parse(localStorage.getItem('ulo.workspace')).tender.lots.map((l) => l.id));
      assert(new Set(lots).size === lots.length, `lot references unique: ${lots}`);
      await page.click('button:has-text("Remove evaluator 2")');
      await page.waitForFunction(() => JSON.parse(localStorage.getItem('ulo.workspace')).tender.panel.length === 3);
      await page.click('button:has-text("Add an evaluator")');
      await page.waitForFunction(() => JSON.parse(localStorage.getItem('ulo.workspace')).tender.panel.length === 4);
      const panel = await page.evaluate(() => JSON.parse(localStorage.getItem('ulo.workspace')).tender.panel.map((e) => e.id));
      assert(new Set(panel).size === panel.length, `evaluator references unique: ${panel}`);
    },
  },
  {
    name: 'issue 16.8: barrier findings are announced politely when their count changes, and found near the form at 400% zoom',
    viewport: { width: 320, height: 640 },
    async run({ page, origin }) {
      await open(page, origin, 'tender');
      const lede = await page.locator('.lede').innerText();
      assert(!lede.includes('on the right'), `no "on the right" on a narrow screen: ${lede}`);
      const region = page.locator('.findings-count');
      assert((await region.getAttribute('aria-live')) === 'polite', 'a polite live region');
      const before = await region.innerText();
      await page.fill('#f-tender-conditions-minimum_turnover', '');
      await page.keyboard.press('Tab');
      await page.waitForFunction((b) => document.querySelector('.findings-count').innerText !== b, before, { timeout: 5000 });
      const jump = page.locator('a.findings-jump');
      assert((await jump.count()) === 1, 'a link to the findings beside the form');
    },
  },
  {
    name: "issue 16.9: the Protocol screen shows the tender's weights, with the protocol's defaults as context",
    async run({ page, origin }) {
      await open(page, origin, 'protocol');
      const price = await page.locator('#criteria-table tr', { hasText: 'Price' }).first().innerText();
      assert(price.includes('30%') && price.includes('default 25%'), `the tender's weight, with the default: ${price}`);
    },
  },
  {
    name: 'issue 16.11: editing a bid brings its editor into view with focus on its heading; bids are grouped by lot',
    async run({ page, origin }) {
      await open(page, origin, 'bids');
      const captions = await page.locator('main table caption').allInnerTexts();
      assert(captions.length === 3 && captions[0].startsWith('Peer support and advocacy'), `one table per lot: ${captions}`);
      await page.click('button[aria-label="Edit the bid from Southgate Advocacy Collective"]');
      await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'bid-editor-heading', null, { timeout: 5000 });
      const top = await page.evaluate(() => [document.getElementById('bid-editor-heading').getBoundingClientRect().top, innerHeight]);
      assert(top[0] >= -1 && top[0] < top[1], `the editor is scrolled into view: ${top}`);
    },
  },
  {
    name: 'issue 16.16: at 1920 px the "Working on" strip spans the page, with no dark block beside it',
    viewport: { width: 1920, height: 1000 },
    async run({ page, origin }) {
      await open(page, origin);
      const strip = await page.locator('.working-on').boundingBox();
      const width = await page.evaluate(() => document.documentElement.clientWidth);
      assert(strip.x <= 0 && strip.width >= width - 1, `the strip spans the page: ${JSON.stringify(strip)} of ${width}`);
    },
  },
  {
    name: 'issue 16.11: at 320 px a bid\'s price, status and Edit are on screen',
    viewport: { width: 320, height: 640 },
    async run({ page, origin }) {
      await open(page, origin, 'bids');
      const row = page.locator('main tr', { hasText: 'Northfield Centre' }).first();
      for (const el of [row.locator('td.num'), row.locator('button', { hasText: 'Edit' })]) {
        const box = await el.boundingBox();
        assert(box && box.x >= 0 && box.x + box.width <= 320, `on screen: ${JSON.stringify(box)}`);
      }
    },
  },
  {
    name: 'issue 16.16: money in pounds with separators; lots named by title; chart under its own heading; Total visible at 320 px',
    async run({ page, origin }) {
      await open(page, origin, 'bids');
      const price = await page.locator('main tr', { hasText: 'Northfield Centre' }).first().locator('td.num').innerText();
      assert(price === '£352,000.00', `money shown in pounds: ${price}`);
      await go(page, 'results');
      const captions = await page.locator('.ranking caption').allInnerTexts();
      assert(captions.every((c) => !c.includes('Lot lot-')), `no "Lot lot-1": ${captions}`);
      const names = await page.locator('.chart svg text').allTextContents();
      assert(names.includes('Northfield Centre for Independent Living'), `chart labels whole: ${names}`);
      const heading = await page.locator('.chart-lot h3').first().innerText();
      assert(heading === 'Peer support and advocacy', `chart under its lot's heading: ${heading}`);
      const text = await page.locator('main').innerText();
      assert(!text.includes('.:'), 'no stray ".:" in the results');
      await go(page, 'tender');
      const findings = await page.locator('.findings').innerText();
      assert(!findings.includes('.:'), 'no stray ".:" in the findings');
      const dateHint = await page.locator('#f-tender-published-hint').count();
      assert(dateHint === 0, 'no date hint in a format the picker does not show');
      await page.click('button:has-text("Add a lot")');
      await announced(page, 'Lot 4 added');
      await go(page, 'bids');
      const said = await page.locator('#announce').innerText();
      assert(!said.includes('Lot 4 added'), `no stale status message on another screen: ${said}`);
      await go(page, 'results');
      await page.setViewportSize({ width: 320, height: 640 });
      const total = await page.locator('#ranking-lot-1 thead th', { hasText: 'Total' }).boundingBox();
      assert(total && total.x + total.width <= 320, `the Total column is on screen: ${JSON.stringify(total)}`);
    },
  },
];

export async function screenshots(page, origin, dir) {
  mkdirSync(dir, { recursive: true });
  for (const s of ['tenders', 'results', 'tender', 'bids', 'scoring', 'moderation', 'protocol', 'what-if', 'report']) {
    await page.goto(`${origin}/#/${s}`);
    await page.waitForSelector('#page-heading');
    if (s === 'results') {
      await page.click('#scorecard-b-northfield > summary');
      await page.locator('#scorecard-b-northfield tbody tr', { hasText: 'Price' }).locator('summary').click();
    }
    await page.screenshot({ path: path.join(dir, `${s}.png`), fullPage: s !== 'report' && s !== 'protocol' });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.E2E_PORT || 8766);
  // E2E_DIST serves another build (main's, say, to see a new test fail before its fix).
  const server = await startServer(process.env.E2E_DIST || path.join(root, 'dist/app'), port);
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
