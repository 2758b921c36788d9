// Drives ulo's embeddable frame by postMessage, as a portal would.
//
// The frame's address is this portal's own configuration: the <meta name="ulo-frame"> in
// embed.html, next to the CSP whose frame-src allows exactly that frame's origin. It is never
// read from the page's address, its fragment, a link or a stored value: whoever could choose the
// frame would receive the tender and every bid sent to it, and could answer with forged results
// that this page would show as the engine's. Copy this rule with the code.
//
// Every message received is checked twice: it must come from the frame's configured origin
// (event.origin) and from this page's own iframe (event.source), since another window of the
// same origin is not the frame this page loaded. Messages are posted to that origin only
// (never "*"), so if the iframe is ever navigated elsewhere the browser drops them.

const frame = document.getElementById('frame');
const log = document.getElementById('log');
let next = 1;

function note(text) {
  const li = document.createElement('li');
  li.textContent = text;
  log.append(li);
}

/** The configured frame's URL and origin, or null when the configuration is missing or unusable. */
function configuredFrame() {
  const meta = document.querySelector('meta[name="ulo-frame"]');
  if (!meta || !meta.content) return null;
  let url;
  try {
    url = new URL(meta.content, location.href);
  } catch {
    return null;
  }
  // Only http(s) frames have an origin a message can be checked against ("null" cannot be).
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin === 'null') return null;
  return { url: url.href, origin: url.origin };
}

const configured = configuredFrame();

// Listen only to the configured frame, and only to ulo's messages.
window.addEventListener('message', (event) => {
  if (!configured || event.origin !== configured.origin || event.source !== frame.contentWindow) return;
  const m = event.data;
  if (!m || typeof m !== 'object' || m.ulo !== 1) return;
  if (m.type === 'ready') return note(`ready: ${m.protocol.title}`);
  if (m.type !== 'answer') return;
  const a = m.answer;
  if (a.type === 'failure') return note(`#${m.re} ${m.request}: failure: ${a.errors.map((e) => e.message).join('; ')}`);
  const r = a.result;
  if (m.request === 'load-tender') note(`#${m.re} load-tender: ${r.summary.headline}`);
  else if (m.request === 'load-bids') note(`#${m.re} load-bids: ${r.lots.map((l) => `${l.lot} led by ${l.ranking[0] ? l.ranking[0].bidder : 'no one'}`).join(', ')}`);
  else note(`#${m.re} ${m.request}: success`);
});

function send(type, extra = {}) {
  if (!configured) return null;
  const id = next++;
  frame.contentWindow.postMessage({ ulo: 1, id, type, ...extra }, configured.origin);
  return id;
}

async function json(path) {
  return (await fetch(path)).text();
}

document.getElementById('send-tender').addEventListener('click', async () => send('load-tender', { tender: await json('data/example-tender.json') }));
document.getElementById('send-bids').addEventListener('click', async () => send('load-bids', { bids: await json('data/example-bids.json') }));
document.getElementById('send-ping').addEventListener('click', () => send('ping'));
if (configured) frame.src = configured.url;
else note('not configured: embed.html names no usable frame address (meta "ulo-frame"), so nothing is sent.');
