// End-to-end tests, in headless Chromium, of the example portal (dist/portal: plain HTML and JS
// over the package) and of the embeddable frame's postMessage protocol. Four servers give four
// origins: the portal (allowed by the frame's configuration), the frame itself, a second copy of
// the portal on an origin the frame does not allow, and a hostile page that records every
// message it receives and answers with forgeries (the crafted-link attack on the portal).
//
// Expected figures come from the worked example's hand-worked notes (the lot-1 leader and its
// total) or from the same engine run here in Node through the package, never from the page
// under test.

import { startServer, run, axe, assert, root } from './harness.mjs';
import path from 'node:path';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';

const read = (p) => readFileSync(path.join(root, p), 'utf8');
const ulo = await import(pathToFileURL(path.join(root, 'dist/pkg/ulo.js')).href);
if (!(await ulo.init(readFileSync(path.join(root, 'dist/pkg/ulo_wasm_bg.wasm'))))) {
  throw new Error(`the package's engine does not load in Node: ${ulo.initFailure()}`);
}
const engine = ulo.shippedProtocol();
const TENDER = read('core/protocols/example-tender.json');
const BIDS = read('core/protocols/example-bids.json');
const LUTON = 'tests/ocds/cf-2025-tender-children-looked-after-AT1299.json';

/** Posts a message to the frame from the host page and waits for the answer (null if none). */
async function ask(page, frameOrigin, msg, timeout = 4000) {
  return page.evaluate(({ msg, frameOrigin, timeout }) => new Promise((resolve) => {
    const f = document.getElementById('frame');
    const onMessage = (e) => {
      if (e.origin === frameOrigin && e.data && e.data.ulo === 1 && e.data.type === 'answer' && e.data.re === msg.id) {
        window.removeEventListener('message', onMessage);
        resolve(e.data);
      }
    };
    window.addEventListener('message', onMessage);
    f.contentWindow.postMessage(msg, frameOrigin);
    setTimeout(() => { window.removeEventListener('message', onMessage); resolve(null); }, timeout);
  }), { msg, frameOrigin, timeout });
}

/**
 * A hostile page on its own origin, as an attacker's link would name it: it records every
 * message it receives (POSTed back to its own server, where the test reads them), and answers
 * the portal with forged "ready" and "answer" messages, unprompted and to every request.
 */
const HOSTILE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>hostile</title></head>
<body><p>hostile frame</p><script>
const forged = (re, request) => ({ ulo: 1, type: 'answer', re, request, answer: { type: 'success', warnings: [],
  result: { summary: { headline: 'FORGED headline' }, tender: { id: 'FORGED', title: 'FORGED' },
    lots: [{ lot: 'lot-1', ranking: [{ rank: 1, bidder: 'FORGED bidder', total: '100.00', price: '1.00' }] }] } } });
const forge = () => {
  parent.postMessage({ ulo: 1, type: 'ready', protocol: { title: 'FORGED protocol' } }, '*');
  for (let re = 1; re <= 5; re++) for (const t of ['load-tender', 'load-bids', 'ping']) parent.postMessage(forged(re, t), '*');
};
forge();
setInterval(forge, 250);
addEventListener('message', (e) => {
  fetch('/record', { method: 'POST', body: JSON.stringify({ origin: e.origin, data: e.data }) });
  if (e.data && e.data.ulo === 1) parent.postMessage(forged(e.data.id, e.data.type), '*');
});
</script></body></html>`;

function startHostile(port) {
  const received = [];
  const hits = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    if (req.method === 'POST' && req.url === '/record') {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => { received.push(body); res.end(); });
      return;
    }
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(HOSTILE_PAGE);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve({
    origin: `http://127.0.0.1:${port}`, received, hits, stop: () => server.close(),
  })));
}

function tests({ portal, frame, evil, hostile }) {
  const framePage = `${frame}/frame.html`;
  const openPortal = async (page) => {
    await page.goto(`${portal}/`);
    await page.waitForSelector('#ranking-lot-1 tbody tr');
  };
  const openHost = async (page, host = portal) => {
    // The frame's address is the portal's own configuration (see the site set up below).
    await page.goto(`${host}/embed.html`);
    const f = page.frameLocator('#frame');
    await f.locator('#status').filter({ hasText: /^Ready/ }).waitFor();
    return f;
  };
  const expectedScore = ulo.shippedProtocol().score(TENDER, BIDS).result;
  const expectedCheck = engine.checkTender(TENDER).result;

  return [
    {
      name: 'portal: a crafted link naming a hostile frame gets no data and shows no forged answer',
      origins: [portal, frame],
      async run({ page }) {
        hostile.received.length = 0;
        hostile.hits.length = 0;
        const crafted = `${hostile.origin}/hostile.html`;
        await page.goto(`${portal}/embed.html?frame=${encodeURIComponent(crafted)}#frame=${encodeURIComponent(crafted)}`);
        await page.waitForTimeout(1000);
        // What a user of the portal would do next: send the tender and the bids.
        await page.click('#send-tender');
        await page.click('#send-bids');
        await page.click('#send-ping');
        await page.waitForTimeout(2000);
        const log = await page.locator('#log').innerText();
        assert(hostile.received.length === 0, `the hostile page received ${hostile.received.length} message(s), e.g. ${String(hostile.received[0]).slice(0, 200)}`);
        assert(!log.includes('FORGED'), `the portal shows a forged answer: ${log.slice(0, 300)}`);
        assert(hostile.hits.length === 0, `the portal loaded the hostile page: ${hostile.hits.join(', ')}`);
        // The configured frame is the one that answered, with the engine's own figures.
        await page.locator('#log li', { hasText: `#1 load-tender: ${expectedCheck.summary.headline}` }).waitFor({ timeout: 5000 });
        await page.locator('#log li', { hasText: /^#2 load-bids: lot-1 led by Northfield/ }).waitFor({ timeout: 5000 });
      },
    },
    {
      name: 'portal: a message from the frame\'s origin but not from the portal\'s own frame is ignored',
      origins: [portal, frame],
      async run({ page }) {
        await openHost(page);
        await page.locator('#log li', { hasText: 'ready: ' }).waitFor({ timeout: 5000 });
        // A second window of the frame's origin (here another copy of the frame) also says
        // "ready"; only the portal's own iframe (event.source) may be listened to.
        await page.evaluate((src) => {
          const other = document.createElement('iframe');
          other.src = src;
          other.title = 'another frame';
          document.body.append(other);
        }, framePage);
        await page.waitForTimeout(2500);
        const readies = await page.locator('#log li', { hasText: 'ready: ' }).count();
        assert(readies === 1, `${readies} "ready" notes: a message from another window of the frame's origin was taken`);
      },
    },
    {
      name: 'the example portal ranks the worked example exactly as the engine does',
      async run({ page }) {
        await openPortal(page);
        // The worked example under ulcp 2.0.0 (the CLI's tests hold the same figure): lot-1 is
        // led by Northfield CIL with 77.18.
        const first = page.locator('#ranking-lot-1 tbody tr').first();
        assert((await first.locator('th').innerText()) === 'Northfield Centre for Independent Living', 'lot-1 leader');
        assert((await first.locator('td.num').nth(1).innerText()) === '77.18', 'lot-1 leader total');
        // Every row of every lot, against the engine run in Node.
        for (const lot of expectedScore.lots) {
          const rows = page.locator(`#ranking-${lot.lot} tbody tr`);
          assert((await rows.count()) === lot.ranking.length, `${lot.lot}: ${await rows.count()} rows`);
          for (const [i, r] of lot.ranking.entries()) {
            const row = rows.nth(i);
            const cells = await row.locator('td').allInnerTexts();
            assert((await row.locator('th').innerText()) === r.bidder, `${lot.lot} row ${i} bidder`);
            assert(cells[0] === String(r.rank) && cells[1] === r.total && cells[2] === r.price, `${lot.lot} row ${i}: ${cells}`);
          }
        }
        const status = await page.locator('#status').innerText();
        assert(status.includes(`Scored ${expectedScore.bids.length} bids`), status);
      },
    },
    {
      name: 'the example portal shows the barrier check of the example tender',
      async run({ page }) {
        await openPortal(page);
        assert((await page.locator('#check-headline').innerText()) === expectedCheck.summary.headline, 'headline');
        assert((await page.locator('#check-findings li').count()) === expectedCheck.findings.length, 'findings');
      },
    },
    {
      name: 'importing a real OCDS release shows what mapped, what did not and the draft\'s barrier check',
      async run({ page }) {
        await openPortal(page);
        await page.setInputFiles('#ocds-file', path.join(root, LUTON));
        await page.waitForSelector('#import-summary');
        const expected = engine.importOcds(read(LUTON)).result;
        const summary = await page.locator('#import-summary').innerText();
        assert(summary.includes(`${expected.mapped.length} values mapped`) && summary.includes('complete enough to check'), summary);
        const value = page.locator('#import-mapped tbody tr', { has: page.locator('th', { hasText: /^\/lots\/0\/value$/ }) });
        assert((await value.locator('td').first().innerText()) === '/releases/0/tender/value/amount', 'value comes from');
        assert((await value.locator('td').nth(1).innerText()) === '118000000', 'Luton value, read by hand');
        assert((await page.locator('#import-to-supply li').count()) === expected.to_supply.length, 'to supply');
        const headline = await page.locator('#import-check-headline').innerText();
        assert(headline === engine.checkTender(expected.tender).result.summary.headline, headline);
        const v = await axe(page);
        assert(v.length === 0, `axe violations after an import: ${JSON.stringify(v)}`);
      },
    },
    {
      name: 'a file that is not OCDS gives the engine\'s error and help, and the page keeps working',
      async run({ page }) {
        await openPortal(page);
        await page.setInputFiles('#ocds-file', path.join(root, 'core/protocols/example-tender.json'));
        await page.locator('#errors li').first().waitFor();
        const text = await page.locator('#errors').innerText();
        assert(text.includes('this is not OCDS data') && text.includes('choose an OCDS release'), text);
        await page.setInputFiles('#ocds-file', path.join(root, LUTON));
        await page.waitForSelector('#import-summary');
        assert((await page.locator('#errors').innerText()) === '', 'errors cleared');
      },
    },
    {
      name: 'axe-core finds no accessibility violations on the portal, at full width and at 320 px',
      async run({ page }) {
        await openPortal(page);
        let v = await axe(page);
        assert(v.length === 0, `axe violations: ${JSON.stringify(v)}`);
        await page.setViewportSize({ width: 320, height: 640 });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert(overflow <= 0, `page scrolls sideways by ${overflow}px at 320px`);
        v = await axe(page);
        assert(v.length === 0, `axe violations at 320px: ${JSON.stringify(v)}`);
      },
    },
    {
      name: 'frame: an allowed portal is told the frame is ready, then gets the barrier check and the scores',
      origins: [portal, frame],
      async run({ page }) {
        const f = await openHost(page);
        await page.locator('#log li', { hasText: 'ready: ' }).waitFor({ timeout: 5000 });
        const check = await ask(page, frame, { ulo: 1, id: 'c1', type: 'load-tender', tender: TENDER });
        assert(check && check.request === 'load-tender' && check.answer.type === 'success', JSON.stringify(check).slice(0, 300));
        assert(check.answer.result.summary.headline === expectedCheck.summary.headline, 'headline over postMessage');
        assert((await f.locator('#findings li').count()) === expectedCheck.findings.length, 'the frame shows the findings');
        const scored = await ask(page, frame, { ulo: 1, id: 2, type: 'load-bids', bids: JSON.parse(BIDS) });
        assert(scored && scored.re === 2 && scored.answer.type === 'success', JSON.stringify(scored).slice(0, 300));
        assert(JSON.stringify(scored.answer.result.lots) === JSON.stringify(expectedScore.lots), 'rankings over postMessage');
        const leader = f.locator('#frame-ranking-lot-1 tbody tr').first().locator('th');
        assert((await leader.innerText()) === 'Northfield Centre for Independent Living', 'the frame shows the ranking');
        const again = await ask(page, frame, { ulo: 1, id: 3, type: 'score' });
        assert(again.answer.type === 'success', 'score again');
        const ping = await ask(page, frame, { ulo: 1, id: 4, type: 'ping' });
        assert(ping.answer.result.tender === 'example-ils-2026' && ping.answer.result.bids === expectedScore.bids.length, JSON.stringify(ping.answer));
        const imported = await ask(page, frame, { ulo: 1, id: 5, type: 'import-ocds', ocds: read(LUTON) });
        assert(imported.answer.type === 'success' && imported.answer.result.tender.authority === 'Luton Council', 'import over postMessage');
        // The page's own buttons do the same as a portal's script would.
        await page.click('#send-tender');
        await page.locator('#log li', { hasText: /^#1 load-tender: / }).waitFor();
      },
    },
    {
      name: 'frame: errors come back as failure answers with code, pointer and help',
      origins: [portal, frame],
      async run({ page }) {
        const f = await openHost(page);
        const noTender = await ask(page, frame, { ulo: 1, id: 1, type: 'score' });
        assert(noTender.answer.type === 'failure' && noTender.answer.errors[0].code === 'ulo::frame-no-tender', JSON.stringify(noTender.answer));
        const t = JSON.parse(TENDER);
        delete t.lots[0].value;
        const bad = await ask(page, frame, { ulo: 1, id: 2, type: 'load-tender', tender: t });
        const e = bad.answer.errors.find((x) => x.code === 'ulo::missing-field');
        assert(e && e.pointer === '/lots/0' && e.help.length > 0, JSON.stringify(bad.answer));
        assert(await f.locator('#errors-section').isVisible(), 'the frame shows the problem');
        assert((await f.locator('#errors li').first().innerText()).includes('the field "value" is missing'), 'problem text');
        const unknown = await ask(page, frame, { ulo: 1, id: 3, type: 'launch' });
        assert(unknown.answer.errors[0].code === 'ulo::frame-unknown-message', JSON.stringify(unknown.answer));
        const ok = await ask(page, frame, { ulo: 1, id: 4, type: 'load-tender', tender: TENDER });
        const noBids = await ask(page, frame, { ulo: 1, id: 5, type: 'score' });
        assert(ok.answer.type === 'success' && noBids.answer.errors[0].code === 'ulo::frame-no-bids', 'no bids yet');
        // A message without the ulo marker is someone else's: no answer.
        const foreign = await ask(page, frame, { id: 6, type: 'ping' }, 1500);
        assert(foreign === null, 'a message without ulo: 1 is ignored');
        const v = await axe(page.frame({ url: /frame\.html/ }));
        assert(v.length === 0, `axe violations in the frame: ${JSON.stringify(v)}`);
      },
    },
    {
      name: 'frame: messages from an origin the configuration does not allow are ignored',
      origins: [evil, frame],
      async run({ page }) {
        const f = await openHost(page, evil);
        // The frame is loaded and ready, but says nothing to this origin...
        await page.waitForTimeout(500);
        assert((await page.locator('#log li').count()) === 0, 'no ready message to a disallowed origin');
        // ...answers none of its messages...
        const load = await ask(page, frame, { ulo: 1, id: 1, type: 'load-tender', tender: TENDER }, 2000);
        const ping = await ask(page, frame, { ulo: 1, id: 2, type: 'ping' }, 1500);
        assert(load === null && ping === null, `a disallowed origin got an answer: ${JSON.stringify(load || ping).slice(0, 200)}`);
        // ...and changes nothing.
        assert((await f.locator('#check-summary').innerText()) === 'No tender loaded yet.', 'state unchanged');
        assert((await f.locator('#status').innerText()).startsWith('Ready'), 'status unchanged');
        await page.click('#send-tender');
        await page.waitForTimeout(1000);
        assert((await page.locator('#log li').count()) === 0, 'the page\'s own button got no answer either');
      },
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const base = Number(process.env.E2E_PORT || 8776);
  // The frame's site: the package as built, configured to allow the portal's origin only.
  const frameDir = path.join(root, 'target/e2e/frame-site');
  rmSync(frameDir, { recursive: true, force: true });
  mkdirSync(frameDir, { recursive: true });
  cpSync(path.join(root, 'dist/pkg'), frameDir, { recursive: true });
  const portalOrigin = `http://127.0.0.1:${base}`;
  const frameOrigin = `http://127.0.0.1:${base + 1}`;
  writeFileSync(path.join(frameDir, 'frame-config.json'), JSON.stringify({ allowedOrigins: [portalOrigin] }));
  // The portal's site, configured as a portal developer would: embed.html names the frame's
  // address (meta "ulo-frame") and allows exactly its origin in the CSP's frame-src.
  const portalDir = path.join(root, 'target/e2e/portal-site');
  rmSync(portalDir, { recursive: true, force: true });
  cpSync(path.join(root, 'dist/portal'), portalDir, { recursive: true });
  const embedPath = path.join(portalDir, 'embed.html');
  const embed = readFileSync(embedPath, 'utf8');
  const configured = embed
    .replace(/<meta name="ulo-frame" content="[^"]*">/, `<meta name="ulo-frame" content="${frameOrigin}/frame.html">`)
    .replace("frame-src 'self'", `frame-src ${frameOrigin}`);
  if (!configured.includes(`content="${frameOrigin}/frame.html"`) || !configured.includes(`frame-src ${frameOrigin};`)) {
    throw new Error('embed.html no longer has the meta "ulo-frame" and frame-src \'self\' this test configures');
  }
  writeFileSync(embedPath, configured);
  const portal = await startServer(portalDir, base);
  const frame = await startServer(frameDir, base + 1);
  const evil = await startServer(portalDir, base + 2);
  const hostile = await startHostile(base + 3);
  try {
    assert(portal.origin === portalOrigin && frame.origin === frameOrigin, 'origins');
    const { passed, failed, log } = await run('portal', tests({ portal: portal.origin, frame: frame.origin, evil: evil.origin, hostile }), {
      origin: portal.origin,
      only: process.env.ONLY,
    });
    mkdirSync(path.join(root, 'target/e2e'), { recursive: true });
    writeFileSync(path.join(root, 'target/e2e/portal-requests.json'), JSON.stringify(log, null, 2));
    console.log(`${passed} passed, ${failed} failed`);
    process.exitCode = failed === 0 ? 0 : 1;
  } finally {
    portal.stop();
    frame.stop();
    evil.stop();
    hostile.stop();
  }
}
