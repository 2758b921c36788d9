// Takes the README's screenshots of each main screen (docs/screenshots/*.png), including the
// bidder self-check filled in with the worked example's draft.
import { startServer, launch, root } from './harness.mjs';
import { screenshots } from './app.e2e.mjs';
import path from 'node:path';
import { readFileSync } from 'node:fs';

const server = await startServer(path.join(root, 'dist/app'), 8797);
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
const dir = path.join(root, 'docs/screenshots');
try {
  await screenshots(page, server.origin, dir);
  const saved = {
    format: 1,
    tender: JSON.parse(readFileSync(path.join(root, 'core/protocols/example-tender.json'), 'utf8')),
    draft: JSON.parse(readFileSync(path.join(root, 'core/protocols/example-self-check.json'), 'utf8')),
  };
  await page.goto(`${server.origin}/bidder.html#/tasks`);
  await page.evaluate((s) => localStorage.setItem('ulo.selfcheck', JSON.stringify(s)), saved);
  for (const step of ['tasks', 'scores', 'result']) {
    await page.goto(`${server.origin}/bidder.html#/${step}`);
    await page.reload();
    await page.waitForSelector('#page-heading');
    await page.screenshot({ path: path.join(dir, `bidder-${step}.png`), fullPage: step !== 'result' });
  }
} finally {
  await browser.close();
  server.stop();
}
