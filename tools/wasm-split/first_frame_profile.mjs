// Build step of scripts/split-wasm.sh: loads a page whose app.wasm was
// instrumented by `wasm-split --instrument` in headless Chromium, once per kind
// of visit (visits.mjs), waits for its first drawn frame and a moment of idle, and
// writes the module's record of the functions that ran (its __write_profile
// export) to OUT_DIR/<visit>.profile. The script merges them: those functions
// stay in app.wasm, the rest go to app.deferred.wasm. A visit left out here
// still works, but its first frame waits for a synchronous load of the rest.
//   node first_frame_profile.mjs PAGE_DIR OUT_DIR
import { chromium } from 'playwright-core';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { kVisits } from './visits.mjs';

const [pageDir, outDir] = process.argv.slice(2);
if (!pageDir || !outDir) {
  console.error('usage: node first_frame_profile.mjs PAGE_DIR OUT_DIR');
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

async function record(visit) {
  // No service worker: its cache would build the deferred part before main().
  const context = await browser.newContext({ ...visit.context, serviceWorkers: 'block' });
  try {
    if (visit.storage) {
      await context.addInitScript((items) => {
        for (const [key, value] of Object.entries(items)) localStorage.setItem(key, value);
      }, visit.storage);
    }
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    // The remembered tokens' failed checks log network errors; anything else is a problem.
    page.on('console', (m) => { if (m.type() === 'error' && !m.text().includes('net::ERR_')) problems.push(m.text()); });
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => window.Module && Module._ud_frame_count && Module._ud_frame_count() > 0,
      null, { timeout: 120000, polling: 10 });
    await page.waitForTimeout(500);  // the frames and timers right after the first
    if (problems.length) throw new Error(`the instrumented page failed (${visit.name}): ` + problems.join('; '));
    const profile = await page.evaluate(() => {
      const size = 1 << 20, at = Module._malloc(size);
      const written = Module.asm.__write_profile(at, size);
      return Array.from(HEAPU8.subarray(at, at + written));
    });
    if (!profile.length) throw new Error(`the instrumented page wrote an empty profile (${visit.name})`);
    fs.writeFileSync(path.join(outDir, visit.name + '.profile'), Buffer.from(profile));
  } finally {
    await context.close();
  }
}

try {
  fs.mkdirSync(outDir, { recursive: true });
  for (const visit of kVisits) await record(visit);
  console.log(`first-frame profiles: ${kVisits.map((v) => v.name).join(', ')}`);
} finally {
  await browser.close();
  server.close();
}
