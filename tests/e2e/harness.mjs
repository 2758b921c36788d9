// A small end-to-end harness: serves dist/ on 127.0.0.1, drives Debian's Chromium with
// playwright-core, logs every request each page makes (and fails a test whose page asks for
// anything outside the origin), and runs axe-core for accessibility.
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
const require = createRequire(path.join(root, 'tools/package.json'));
const { chromium } = require('playwright-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--no-default-browser-check',
];

export async function startServer(dir, port) {
  const proc = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(origin + '/');
      if (r.ok) return { origin, stop: () => proc.kill() };
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill();
  throw new Error(`server on ${origin} did not start`);
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    // playwright gives every launch a fresh, empty user-data-dir of its own.
    args: CHROMIUM_ARGS,
  });
}

/** Runs axe-core on the page; returns the violations (an empty list is a pass). */
export async function axe(page) {
  // page.evaluate runs through the DevTools protocol, so the page's CSP (which forbids inline
  // scripts) stays in force for the app while axe is added.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  return result;
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

/**
 * Runs the tests. Each test gets a fresh browser context and page; every request is logged,
 * and any request outside `origin` (or the test's own `origins`, for pages that embed a frame
 * from a second origin) fails the test.
 */
export async function run(suite, tests, { origin, only } = {}) {
  const browser = await launch();
  let passed = 0;
  let failed = 0;
  const log = [];
  try {
    for (const t of tests) {
      if (only && !t.name.includes(only)) continue;
      const context = await browser.newContext({ viewport: t.viewport || { width: 1280, height: 900 }, acceptDownloads: true });
      const page = await context.newPage();
      const requests = [];
      const errors = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      const started = Date.now();
      try {
        await t.run({ page, context, origin, requests, errors });
        const allowed = t.origins || [origin];
        const outside = requests.filter((u) => !allowed.some((o) => u.startsWith(o + '/')) && !u.startsWith('data:') && !u.startsWith('blob:'));
        assert(outside.length === 0, `requests left the origin: ${outside.join(', ')}`);
        const unexpected = errors.filter((e) => !(t.allowErrors || []).some((a) => e.includes(a)));
        assert(unexpected.length === 0, `page errors: ${unexpected.join(' | ')}`);
        passed++;
        console.log(`ok   ${suite}: ${t.name} (${Date.now() - started} ms, ${requests.length} requests)`);
      } catch (e) {
        failed++;
        console.log(`FAIL ${suite}: ${t.name}: ${e.message}`);
      }
      log.push({ test: t.name, requests });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { passed, failed, log };
}
