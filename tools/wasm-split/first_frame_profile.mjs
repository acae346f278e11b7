// Build step of scripts/split-wasm.sh: loads a page whose app.wasm was
// instrumented by `wasm-split --instrument` in headless Chromium, waits for
// its first drawn frame and a moment of idle, and writes the module's record
// of the functions that ran (its __write_profile export) to a file. Those
// functions stay in app.wasm; the rest go to app.deferred.wasm.
//   node first_frame_profile.mjs PAGE_DIR OUT.profile
import { chromium } from 'playwright-core';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const [pageDir, out] = process.argv.slice(2);
if (!pageDir || !out) {
  console.error('usage: node first_frame_profile.mjs PAGE_DIR OUT.profile');
  process.exit(2);
}
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json' };
const server = http.createServer((req, res) => {
  let file = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  file = path.join(pageDir, file.endsWith('/') ? file + 'index.html' : file);
  if (!file.startsWith(path.resolve(pageDir)) || !fs.existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' })
    .end(fs.readFileSync(file));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const browser = await chromium.launch({ executablePath: process.env.UD_CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu'] });
try {
  // A first visit as a person makes it: a laptop-sized window, nothing stored, no service worker.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => window.Module && Module._ud_frame_count && Module._ud_frame_count() > 0,
    null, { timeout: 120000, polling: 10 });
  await page.waitForTimeout(500);  // the frames and timers right after the first
  if (problems.length) throw new Error('the instrumented page failed: ' + problems.join('; '));
  const profile = await page.evaluate(() => {
    const size = 1 << 20, at = Module._malloc(size);
    const written = Module.asm.__write_profile(at, size);
    return Array.from(HEAPU8.subarray(at, at + written));
  });
  if (!profile.length) throw new Error('the instrumented page wrote an empty profile');
  fs.writeFileSync(out, Buffer.from(profile));
  console.log(`first-frame profile: ${profile.length} bytes`);
} finally {
  await browser.close();
  server.close();
}
