// A light page (issue 13): nothing runs while idle (no animation-frame
// callbacks at all), a pending report's countdown redraws about once a second
// and still ends in a ready report, and data in other scripts (Cyrillic, CJK)
// loads the fuller fonts served beside the page and is drawn with real glyphs;
// the first frame runs on app.wasm alone (on a laptop, a phone, and for
// someone returning with saved settings, tokens and reports), app.deferred.wasm comes
// after it, a call into the deferred part before it arrives loads it at once,
// and the service worker registers only after all that.
// Counts, states and order, not timings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, openApp, repoRoot, distDir, AppDriver } from './harness.mjs';
import { kVisits } from '../../tools/wasm-split/visits.mjs';

let site, browser;
before(async () => { site = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); site?.close(); });

// Counts every requestAnimationFrame callback the page gets, whoever asked.
function countAnimationFrames() {
  window.__rafCallbacks = 0;
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((t) => { window.__rafCallbacks++; cb(t); });
}
const rafCount = (page) => page.evaluate(() => window.__rafCallbacks);

async function countsOver(page, app, ms) {
  const raf0 = await rafCount(page), frames0 = await app.frames();
  await page.waitForTimeout(ms);
  return { raf: (await rafCount(page)) - raf0, frames: (await app.frames()) - frames0 };
}

test('an idle page gets no animation-frame callbacks, and input still wakes it', async () => {
  const { context, page, app, errors } = await openApp(browser, site.url, { init: countAnimationFrames });
  await app.settle(300);
  const idle = await countsOver(page, app, 2000);
  console.log(`idle 2 s: ${idle.raf} animation-frame callbacks, ${idle.frames} frames`);
  assert.equal(idle.raf, 0, 'no requestAnimationFrame callbacks while idle');
  assert.equal(idle.frames, 0);
  const before = await app.frames();
  await page.mouse.move(100, 150);
  await page.mouse.move(110, 160);
  await app.settle();
  assert.ok((await app.frames()) > before, 'mouse input draws frames');
  const after = await countsOver(page, app, 1000);
  assert.equal(after.raf, 0, 'idle again after the input settled');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a pending report redraws about once a second, its countdown ticks, and it becomes ready', async () => {
  const { context, page, app, errors } = await openApp(browser, site.url, { init: countAnimationFrames });
  await app.click('particle.demo');
  await app.waitForState((s) => s.demo_mode && s.particle.login.session === 'signed_in' && s.particle.agreements.loaded,
    { what: 'demo signed in' });
  await app.click('particle.request');
  const s = await app.waitForState((x) => x.particle.reports.length === 1 && x.particle.reports[0].phase === 'pending',
    { what: 'report pending' });
  const id = `particle.report.${s.particle.reports[0].id}.state`;
  await page.mouse.move(5, 795);  // off the widgets, then still: only the countdown changes now
  await app.settle(200);
  // Sample the countdown text the last frame drew for a few of its seconds;
  // frames are counted against the seconds it showed, not against a clock.
  const seconds = (t) => Number(/next check in (\d+) s/.exec(t || '')?.[1]);
  const raf0 = await rafCount(page), frames0 = await app.frames();
  const shown = [];
  for (let i = 0; i < 16; ++i) {
    shown.push((await app.widgets())[id]?.label);
    await page.waitForTimeout(250);
  }
  const raf = (await rafCount(page)) - raf0, frames = (await app.frames()) - frames0;
  const ticks = seconds(shown[0]) - seconds((await app.widgets())[id]?.label);
  console.log(`pending report: ${raf} animation-frame callbacks, ${frames} frames while the countdown moved ` +
    `${ticks} s; shown: ${[...new Set(shown)].join(' | ')}`);
  assert.ok(shown.every((t) => /next check in \d+ s/.test(t)), 'the countdown is on screen');
  assert.ok(ticks >= 2, 'the countdown ticks');
  assert.ok(frames <= ticks + 2, `at most about one frame per second shown (${frames} frames, ${ticks} s)`);
  assert.ok(raf <= ticks + 2, `at most about one animation frame per second shown (${raf}, ${ticks} s)`);
  await app.waitForState((x) => x.particle.reports[0].phase === 'available', { what: 'demo report ready', timeout: 45000 });
  await app.screenshot('light-page-report-ready');
  assert.deepEqual(errors, []);
  await context.close();
});

// Opens the CSV in the viewer and returns screenshots of its first three rows'
// first column (the device name), plus the fonts the app says it drew with.
async function openNonLatin({ blockFonts }) {
  // No service worker: it would answer fonts/ itself, past the route that blocks them.
  const { context, page, app, errors } = await openApp(browser, site.url, { serviceWorkers: 'block' });
  const fontRequests = [];
  await page.route('**/fonts/**', (route) => {
    fontRequests.push(route.request().url());
    return blockFonts ? route.abort() : route.continue();
  });
  await app.click('nav.viewer');
  await page.setInputFiles('#file-input', path.join(repoRoot, 'tests/fixtures/viewer/usage_non_latin.csv'));
  await app.waitForState((x) => x.viewer.has_table && x.viewer.table.total_rows === 3, { what: 'table loaded' });
  const s = blockFonts ? await app.state()
    : await app.waitForState((x) => x.fonts.length >= 3, { what: 'fallback fonts merged' });
  await app.settle(200);
  await app.screenshot(blockFonts ? 'light-page-non-latin-no-fonts' : 'light-page-non-latin');
  const rows = [];
  for (let r = 0; r < 3; ++r) {
    const w = await app.widget(`viewer.table.row.${r}`);
    rows.push(await page.screenshot({ clip: { x: w.x, y: w.y, width: 150, height: w.h } }));
  }
  await context.close();
  return { fonts: s.fonts, rows, fontRequests, errors };
}

test('Cyrillic and CJK device names load the fuller fonts and are drawn with real glyphs', async () => {
  const loaded = await openNonLatin({ blockFonts: false });
  console.log(`fonts: ${loaded.fonts.join(', ')}; fetched: ${loaded.fontRequests.map((u) => path.basename(u)).join(', ')}`);
  assert.equal(loaded.fonts[0], 'DejaVuSans subset (embedded)');
  assert.ok(loaded.fonts.includes('fonts/DejaVuSans.ttf'), 'Cyrillic comes from the full DejaVu Sans');
  assert.ok(loaded.fonts.includes('fonts/DroidSansFallbackFull.ttf'), 'CJK comes from the CJK fallback');
  assert.deepEqual(loaded.errors, []);
  // The same text with the fallback files blocked: the subset draws boxes for those rows only.
  const boxes = await openNonLatin({ blockFonts: true });
  assert.deepEqual(boxes.fonts, ['DejaVuSans subset (embedded)']);
  assert.ok(!loaded.rows[0].equals(boxes.rows[0]), 'Cyrillic row differs from its boxes');
  assert.ok(!loaded.rows[1].equals(boxes.rows[1]), 'CJK row differs from its boxes');
  assert.ok(loaded.rows[2].equals(boxes.rows[2]), 'a Latin row is the same either way');
});

test('Latin text beyond Latin-1 comes from the embedded subset: no font file is fetched', async () => {
  const { context, page, app, errors } = await openApp(browser, site.url);
  const fetched = [];
  page.on('request', (r) => { if (r.url().includes('/fonts/')) fetched.push(r.url()); });
  await app.click('nav.viewer');
  await page.setInputFiles('#file-input', { name: 'latin.csv', mimeType: 'text/csv',
    buffer: Buffer.from('device_name,data_operations\nŁódź pump,3\nZürich gate,5\nCafé – “north”,7\n') });
  await app.waitForState((x) => x.viewer.has_table && x.viewer.table.total_rows === 3, { what: 'table loaded' });
  await app.settle(200);
  await app.screenshot('light-page-latin-extended');
  assert.deepEqual(fetched, []);
  assert.deepEqual((await app.state()).fonts, ['DejaVuSans subset (embedded)']);
  assert.deepEqual(errors, []);
  await context.close();
});

// Notes whether WebAssembly.compileStreaming took the response (web/boot.js).
function watchStreaming() {
  const streaming = WebAssembly.compileStreaming;
  window.__streaming = 'not called';
  WebAssembly.compileStreaming = (...args) => streaming(...args).then(
    (m) => { window.__streaming = 'compiled'; return m; },
    (e) => { window.__streaming = 'refused'; throw e; });
}

async function startWith(wasmType) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(watchStreaming);
  const page = await context.newPage();
  const errors = [], wasmRequests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => { if (r.url().endsWith('/app.wasm')) wasmRequests.push(r.url()); });
  if (wasmType) {
    const body = fs.readFileSync(path.join(distDir, 'app.wasm'));
    await page.route('**/app.wasm', (route) => route.fulfill({ status: 200, contentType: wasmType, body }));
  }
  await page.goto(site.url);
  await page.waitForFunction(() => window.usagedesk && window.usagedesk.ready(), null, { timeout: 30000 });
  const seen = { streaming: await page.evaluate(() => window.__streaming), wasmRequests: wasmRequests.length,
    frames: await page.evaluate(() => window.usagedesk.frames()), errors };
  await context.close();
  return seen;
}

test('the WASM is fetched once and compiled as it downloads; sent with another type, it still starts', async () => {
  const usual = await startWith(null);
  assert.equal(usual.streaming, 'compiled', 'compiled while streaming');
  assert.equal(usual.wasmRequests, 1, 'the preload and the compile share one download');
  assert.ok(usual.frames > 0);
  assert.deepEqual(usual.errors, []);
  const other = await startWith('application/octet-stream');
  assert.equal(other.streaming, 'refused', 'streaming refuses a response that is not application/wasm');
  assert.ok(other.frames > 0, 'the whole file compiled instead, and the page draws');
  assert.deepEqual(other.errors, []);
});

// Notes, in the page, when the first frame was drawn and when app.deferred.wasm
// was asked for, by fetch (after the first frame) or by a synchronous request
// (a call into the deferred part before it arrived), and when the service
// worker was registered.
function watchDeferred() {
  window.__deferred = { firstFrameAt: null, fetchAt: null, syncLoads: 0 };
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((t) => {
    cb(t);
    if (window.__deferred.firstFrameAt === null && window.usagedesk && window.usagedesk.frames() > 0)
      window.__deferred.firstFrameAt = performance.now();
  });
  const fetch_ = window.fetch.bind(window);
  window.fetch = (url, ...rest) => {
    if (String(url).endsWith('app.deferred.wasm') && window.__deferred.fetchAt === null)
      window.__deferred.fetchAt = performance.now();
    return fetch_(url, ...rest);
  };
  // The service worker's registration: when, and whether the deferred part was in by then.
  if (navigator.serviceWorker) {
    const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
    navigator.serviceWorker.register = (...args) => {
      window.__deferred.registerAt = performance.now();
      window.__deferred.deferredInAtRegister = window.usagedesk.deferredLoaded();
      return register(...args);
    };
  }
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url, async, ...rest) {
    if (String(url).endsWith('app.deferred.wasm') && async === false) window.__deferred.syncLoads++;
    return open.call(this, method, url, async, ...rest);
  };
}

test('a laptop, a phone and a returning visit all draw their first frame on app.wasm alone', async () => {
  // The split follows recorded first frames of these visits (tools/wasm-split/visits.mjs);
  // one it missed would load app.deferred.wasm synchronously before drawing.
  for (const visit of kVisits) {
    const { viewport, deviceScaleFactor = 1, hasTouch = false } = visit.context;
    const setup = `(${watchDeferred})();` + Object.entries(visit.storage || {})
      .map(([k, v]) => `localStorage.setItem(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('');
    const { context, page, app, errors } = await openApp(browser, site.url, { width: viewport.width,
      height: viewport.height, scale: deviceScaleFactor, touch: hasTouch, init: setup, serviceWorkers: 'block' });
    await page.waitForFunction(() => window.usagedesk.deferredLoaded(), null, { timeout: 20000 });
    const seen = await page.evaluate(() => window.__deferred);
    assert.ok(seen.firstFrameAt !== null && seen.fetchAt >= seen.firstFrameAt, `${visit.name}: ${JSON.stringify(seen)}`);
    assert.equal(seen.syncLoads, 0, `${visit.name}: nothing loaded synchronously before the first frame`);
    if (visit.storage) {
      const s = await app.waitForState((x) => x.particle.login.error !== null, { what: 'the remembered token checked' });
      assert.equal(s.settings.theme, 'dark');
      assert.deepEqual(s.particle.reports.map((r) => r.id).sort(), ['41', '42']);
    }
    assert.deepEqual(errors.filter((e) => !e.includes('net::ERR_')), [], visit.name);
    await context.close();
  }
});

test('the service worker registers only after the first frame, once the deferred part is in', async () => {
  // Its install downloads every file: before the first frame it competed with it.
  const { context, page, app, errors } = await openApp(browser, site.url, { init: watchDeferred });
  await page.waitForFunction(() => window.__deferred.registerAt !== undefined, null, { timeout: 20000 });
  const seen = await page.evaluate(() => window.__deferred);
  assert.ok(seen.firstFrameAt !== null && seen.registerAt > seen.firstFrameAt, JSON.stringify(seen));
  assert.equal(seen.deferredInAtRegister, true, JSON.stringify(seen));
  assert.equal(await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.active !== null)), true);
  await app.click('particle.demo');
  await app.waitForState((x) => x.particle.agreements.loaded, { what: 'demo agreements' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the first frame runs on app.wasm alone; app.deferred.wasm follows it, or comes at once when called early', async () => {
  // As it is served: the deferred part is fetched after the first frame and the app goes on as before.
  {
    const { context, page, app, errors } = await openApp(browser, site.url, { init: watchDeferred, serviceWorkers: 'block' });
    await page.waitForFunction(() => window.usagedesk.deferredLoaded(), null, { timeout: 20000 });
    const seen = await page.evaluate(() => window.__deferred);
    assert.ok(seen.firstFrameAt !== null && seen.fetchAt !== null, JSON.stringify(seen));
    assert.ok(seen.fetchAt >= seen.firstFrameAt, `fetched after the first frame: ${JSON.stringify(seen)}`);
    assert.equal(seen.syncLoads, 0, 'nothing needed it before it came');
    await app.click('particle.demo');
    await app.waitForState((x) => x.particle.agreements.loaded, { what: 'demo agreements' });
    assert.deepEqual(errors, []);
    await context.close();
  }
  // Its fetch held back: the first call into it (the test hook's state, as a click would) loads it synchronously.
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    await context.addInitScript(watchDeferred);
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.route('**/app.deferred.wasm', (route) => {
      if (route.request().resourceType() !== 'fetch') return route.continue();  // the synchronous request
      return undefined;  // the fetch after the first frame: never answered
    });
    await page.goto(site.url);
    await page.waitForFunction(() => window.__deferred.firstFrameAt !== null && window.__deferred.fetchAt !== null);
    assert.equal(await page.evaluate(() => window.usagedesk.deferredLoaded()), false);
    const app = new AppDriver(page);
    const state = await app.state();
    assert.equal(state.particle.login.busy, false);
    assert.equal(await page.evaluate(() => window.__deferred.syncLoads), 1);
    assert.equal(await page.evaluate(() => window.usagedesk.deferredLoaded()), true);
    await app.click('particle.demo');
    await app.waitForState((x) => x.particle.agreements.loaded, { what: 'demo agreements' });
    assert.equal(await page.evaluate(() => window.__deferred.syncLoads), 1, 'loaded once');
    assert.deepEqual(errors, []);
    await context.close();
  }
});
