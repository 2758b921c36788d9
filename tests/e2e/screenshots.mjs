// Takes the README's screenshots of each main screen (docs/screenshots/*.png).
import { startServer, launch, root } from './harness.mjs';
import { screenshots } from './app.e2e.mjs';
import path from 'node:path';

const server = await startServer(path.join(root, 'dist/app'), 8797);
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
try {
  await screenshots(page, server.origin, path.join(root, 'docs/screenshots'));
} finally {
  await browser.close();
  server.stop();
}
