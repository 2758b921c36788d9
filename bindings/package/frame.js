// ulo's embeddable frame: a page a portal puts in an <iframe> and drives by postMessage.
//
// It answers only the origins listed in frame-config.json (served next to this file, so only
// whoever hosts the frame decides who may use it) and ignores every other message without a
// reply. The protocol is described in README.md ("The embeddable frame"). In short, the portal
// sends { ulo: 1, id, type, ... } and gets back { ulo: 1, type: "answer", re: id, request: type,
// answer }, where answer is the engine's tagged answer ({ type: "success", result, warnings } or
// { type: "failure", errors }).

import { init, shippedProtocol, loadProtocol, initFailure } from './ulo.js';

const $ = (id) => document.getElementById(id);
const MESSAGE_TYPES = ['ping', 'load-protocol', 'load-tender', 'load-bids', 'check-tender', 'score', 'import-ocds', 'reset'];

const state = { allowed: new Set(), engine: null, tender: null, bids: null };

function setStatus(text) {
  $('status').textContent = text;
}

/** The configured origins, keeping only exact origins (never "null" or wildcards). */
async function loadConfig() {
  try {
    const r = await fetch('frame-config.json', { cache: 'no-store' });
    if (!r.ok) return { origins: [], problem: `frame-config.json could not be read (HTTP ${r.status})` };
    const config = await r.json();
    const list = Array.isArray(config.allowedOrigins) ? config.allowedOrigins : [];
    const origins = [];
    for (const o of list) {
      try {
        if (typeof o === 'string' && new URL(o).origin === o && o !== 'null') origins.push(o);
      } catch { /* not an origin: ignored */ }
    }
    return { origins, problem: null };
  } catch (e) {
    return { origins: [], problem: `frame-config.json could not be read (${e})` };
  }
}

const ready = (async () => {
  const [config, loaded] = await Promise.all([loadConfig(), init()]);
  state.allowed = new Set(config.origins);
  if (!loaded) {
    setStatus(`The engine could not be loaded: ${initFailure()}`);
    return false;
  }
  state.engine = shippedProtocol();
  showProtocol(state.engine.protocol);
  if (config.problem) setStatus(`Not configured: ${config.problem}. No portal can use this frame.`);
  else if (state.allowed.size === 0) setStatus('Ready, but no portal is allowed to use this frame (frame-config.json lists none).');
  else setStatus('Ready.');
  // Tell the embedding page, when the browser says who it is and it is allowed. Browsers that do
  // not expose ancestorOrigins send nothing; the portal can send "ping" after the frame loads.
  const parentOrigin = window.parent !== window && location.ancestorOrigins && location.ancestorOrigins[0];
  if (parentOrigin && state.allowed.has(parentOrigin)) {
    window.parent.postMessage({ ulo: 1, type: 'ready', protocol: state.engine.protocol }, parentOrigin);
  }
  return true;
})();

function showProtocol(info) {
  $('protocol').textContent = info ? `Protocol: ${info.title} (version ${info.version}).` : '';
}

function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
}

function el(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

function showErrors(answer) {
  const list = $('errors');
  clear(list);
  const failed = answer && answer.type === 'failure';
  $('errors-section').hidden = !failed;
  if (!failed) return;
  for (const e of answer.errors) {
    const where = e.pointer ? ` at ${e.pointer}` : '';
    const li = el('li');
    li.append(el('strong', `${e.message}${where}.`), ` ${e.help}`);
    list.append(li);
  }
}

function showCheck(check) {
  const list = $('findings');
  clear(list);
  if (!check) {
    $('check-summary').textContent = 'No tender loaded yet.';
    return;
  }
  $('check-summary').textContent = `${check.tender.title}: ${check.summary.headline}`;
  for (const f of check.findings) {
    const li = el('li');
    const label = f.status === 'barrier' ? 'Barrier' : 'Not stated';
    li.append(el('span', label, f.status === 'barrier' ? 'barrier' : 'not-stated'));
    li.append(` (${f.severity}) ${f.title}${f.lot ? `, lot ${f.lot}` : ''}: ${f.finding}`);
    list.append(li);
  }
}

function showRankings(result) {
  const box = $('rankings');
  clear(box);
  if (!result) {
    $('rank-summary').textContent = 'No bids loaded yet.';
    return;
  }
  $('rank-summary').textContent = `${result.bids.length} bids scored across ${result.lots.length} lots.`;
  for (const lot of result.lots) {
    const table = el('table');
    table.id = `frame-ranking-${lot.lot}`;
    table.append(el('caption', `${lot.title} (lot ${lot.lot})`));
    const head = el('thead');
    const hr = el('tr');
    for (const h of ['Rank', 'Bidder', 'Total', 'Price (GBP)']) {
      const th = el('th', h);
      th.scope = 'col';
      hr.append(th);
    }
    head.append(hr);
    const body = el('tbody');
    for (const r of lot.ranking) {
      const tr = el('tr');
      tr.append(el('td', String(r.rank), 'num'));
      const th = el('th', r.bidder);
      th.scope = 'row';
      tr.append(th, el('td', r.total, 'num'), el('td', r.price, 'num'));
      body.append(tr);
    }
    table.append(head, body);
    box.append(table);
  }
}

function failure(code, message, help) {
  return { type: 'failure', errors: [{ code, message, help, pointer: '' }] };
}

const NO_TENDER = () => failure('ulo::frame-no-tender', 'no tender has been loaded', 'send "load-tender" with the tender first');
const NO_BIDS = () => failure('ulo::frame-no-bids', 'no bids have been loaded', 'send "load-bids" with the bids first');

/** Handles one request from an allowed origin and returns the answer to send back. */
function handle(msg) {
  const e = state.engine;
  switch (msg.type) {
    case 'ping':
      return {
        type: 'success',
        result: { protocol: e.protocol, tender: state.tender ? state.tender.id ?? null : null, bids: state.bids ? state.bids.length : null },
        warnings: [],
      };
    case 'load-protocol': {
      const a = loadProtocol(msg.protocol);
      if (a.type !== 'success') return a;
      state.engine.free();
      state.engine = a.result;
      state.tender = null;
      state.bids = null;
      showProtocol(a.result.protocol);
      showCheck(null);
      showRankings(null);
      return { type: 'success', result: a.result.protocol, warnings: a.warnings };
    }
    case 'load-tender': {
      const a = e.checkTender(msg.tender);
      if (a.type === 'success') {
        state.tender = { text: typeof msg.tender === 'string' ? msg.tender : JSON.stringify(msg.tender), id: a.result.tender.id };
        state.bids = null;
        showCheck(a.result);
        showRankings(null);
      }
      return a;
    }
    case 'check-tender': {
      if (!state.tender) return NO_TENDER();
      const a = e.checkTender(state.tender.text);
      if (a.type === 'success') showCheck(a.result);
      return a;
    }
    case 'load-bids': {
      if (!state.tender) return NO_TENDER();
      const a = e.score(state.tender.text, msg.bids);
      if (a.type === 'success') {
        state.bids = { text: typeof msg.bids === 'string' ? msg.bids : JSON.stringify(msg.bids), length: a.result.bids.length };
        showRankings(a.result);
      }
      return a;
    }
    case 'score': {
      if (!state.tender) return NO_TENDER();
      if (!state.bids) return NO_BIDS();
      const a = e.score(state.tender.text, state.bids.text);
      if (a.type === 'success') showRankings(a.result);
      return a;
    }
    case 'import-ocds':
      return e.importOcds(msg.ocds);
    case 'reset':
      state.tender = null;
      state.bids = null;
      showCheck(null);
      showRankings(null);
      return { type: 'success', result: null, warnings: [] };
    default:
      return failure(
        'ulo::frame-unknown-message',
        `"${String(msg.type).slice(0, 40)}" is not a message this frame understands`,
        `send one of ${MESSAGE_TYPES.map((t) => `"${t}"`).join(', ')}`,
      );
  }
}

window.addEventListener('message', async (event) => {
  await ready;
  // Only configured origins are answered; anything else is ignored without a reply.
  if (!state.allowed.has(event.origin) || !event.source) return;
  const msg = event.data;
  // Messages without the ulo marker belong to someone else on the page.
  if (!msg || typeof msg !== 'object' || msg.ulo !== 1) return;
  let answer;
  if (!state.engine) {
    answer = failure('ulo::not-initialised', 'the engine could not be loaded in the frame', 'reload the frame; check that ulo_wasm_bg.wasm is served next to frame.html');
  } else {
    try {
      answer = handle(msg);
    } catch (e) {
      answer = failure('ulo::internal', `the frame failed: ${e}`, 'report this to the ulo developers');
    }
  }
  showErrors(answer);
  if (answer.type === 'success') setStatus(`Done: ${msg.type}.`);
  else setStatus(`The ${msg.type} request failed: ${answer.errors.length} problem(s).`);
  event.source.postMessage({ ulo: 1, type: 'answer', re: msg.id ?? null, request: msg.type, answer }, event.origin);
});
