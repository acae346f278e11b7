// Time to first drawn frame of two or more builds of the page, side by side:
//   node bench/web/first_frame_ab.mjs <distA> <distB> [...]   (ROUNDS=N, default 11)
// Each dist/ gets its own loopback server; the pages open in turn, a fresh
// browser context each (empty cache), so machine load hits them alike. The
// first round only warms the disk and is not counted. For a change that
// should move the first frame by less than the run-to-run spread of
// page_load.mjs's app-against-trivial figure. Prints figures; asserts nothing.
import { chromium } from 'playwright-core';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { kChromiumArgs, open, median } from './page_load.mjs';

const dirs = process.argv.slice(2).map((d) => path.resolve(d));
if (dirs.length < 2) {
  console.error('usage: node bench/web/first_frame_ab.mjs <distA> <distB> [...]');
  process.exit(2);
}
const kRounds = Number(process.env.ROUNDS || 11);
const kTypes = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.svg': 'image/svg+xml', '.json': 'application/json', '.webmanifest': 'application/manifest+json' };

const serve = (dir) => new Promise((ready) => {
  const server = http.createServer((req, res) => {
    let file = path.join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (file.endsWith('/')) file += 'index.html';
    if (!file.startsWith(dir) || !fs.existsSync(file)) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'Content-Type': kTypes[path.extname(file)] || 'application/octet-stream',
      'Cache-Control': 'no-store' });
    res.end(fs.readFileSync(file));
  });
  server.listen(0, '127.0.0.1', () => ready(server));
});

const servers = await Promise.all(dirs.map(serve));
const browser = await chromium.launch({ executablePath: process.env.UD_CHROMIUM || '/usr/bin/chromium',
  headless: true, args: kChromiumArgs });
const times = dirs.map(() => []);
try {
  for (let round = 0; round <= kRounds; ++round) {
    for (let k = 0; k < dirs.length; ++k) {
      const { context, page } = await open(browser, `http://127.0.0.1:${servers[k].address().port}/`);
      if (round > 0) times[k].push(await page.evaluate(() => window.__probe.firstFrameAt));
      await context.close();
    }
  }
} finally {
  await browser.close();
  servers.forEach((s) => s.close());
}
console.log(`Time to first drawn frame, ms from navigation, median of ${kRounds} (each run)`);
dirs.forEach((d, k) => console.log(`  ${median(times[k]).toFixed(0).padStart(5)}  ${d}  ` +
  `(${times[k].map((t) => t.toFixed(0)).join(', ')})`));
