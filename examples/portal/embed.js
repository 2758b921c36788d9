// Drives ulo's embeddable frame by postMessage, as a portal would.
const params = new URLSearchParams(location.search);
const frameUrl = new URL(params.get('frame') || 'ulo/frame.html', location.href);
const frameOrigin = frameUrl.origin;
const frame = document.getElementById('frame');
const log = document.getElementById('log');
let next = 1;

function note(text) {
  const li = document.createElement('li');
  li.textContent = text;
  log.append(li);
}

// Listen only to the frame's origin, and only to ulo's messages.
window.addEventListener('message', (event) => {
  if (event.origin !== frameOrigin || !event.data || event.data.ulo !== 1) return;
  const m = event.data;
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
  const id = next++;
  frame.contentWindow.postMessage({ ulo: 1, id, type, ...extra }, frameOrigin);
  return id;
}

async function json(path) {
  return (await fetch(path)).text();
}

document.getElementById('send-tender').addEventListener('click', async () => send('load-tender', { tender: await json('data/example-tender.json') }));
document.getElementById('send-bids').addEventListener('click', async () => send('load-bids', { bids: await json('data/example-bids.json') }));
document.getElementById('send-ping').addEventListener('click', () => send('ping'));
frame.src = frameUrl.href;
