// Hardening in the real page (issue 12): the Content-Security-Policy in
// index.html is enforced and no flow violates it; plain http:// to another
// host is refused in Settings; a 3 GB file is refused with its size and the
// limit before a byte is read, and the page goes on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp } from './harness.mjs';

let site, browser;
before(async () => { site = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); site?.close(); });


test('the page works under its Content-Security-Policy through every flow', async () => {
  const opened = await openApp(browser, site.url);
  const { context, page, app, errors } = opened;
  await page.evaluate(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation',
      (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  const meta = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content);
  for (const part of ["script-src 'self' 'wasm-unsafe-eval'", "object-src 'none'", "base-uri 'none'",
    "connect-src 'self' https: http://127.0.0.1:* http://localhost:*"]) assert.ok(meta.includes(part), part);
  assert.equal(await page.evaluate(() => document.querySelector('meta[name="referrer"]').content), 'no-referrer');
  assert.equal(await page.evaluate(() => document.querySelectorAll('[oncontextmenu],[onclick],[onload]').length), 0);

  // Particle demo: sign in, request, ready, download, open in viewer.
  await app.click('nav.particle');
  await app.click('particle.demo');
  let s = await app.waitForState((x) => x.demo_mode && x.particle.login.session === 'signed_in' && x.particle.agreements.loaded,
    { what: 'demo signed in' });
  await app.click('particle.request');
  s = await app.waitForState((x) => x.particle.reports.length === 1 && x.particle.reports[0].phase === 'available',
    { what: 'demo report ready', timeout: 30000 });
  const id = `particle.report.${s.particle.reports[0].id}`;
  await Promise.all([page.waitForEvent('download'), app.click(`${id}.download`)]);
  await app.click(`${id}.open`);
  await app.waitForState((x) => x.section === 'viewer' && x.viewer.table && x.viewer.table.total_rows > 0, { what: 'viewer' });
  await app.click('nav.particle');
  await app.click('demo.leave');
  await app.waitForState((x) => !x.demo_mode, { what: 'demo left' });
  // ActivePlatform demo and its export; the viewer's demo report.
  await app.click('nav.activeplatform');
  await app.click('ap.demo');
  await app.waitForState((x) => x.activeplatform.has_report, { what: 'ap demo' });
  await Promise.all([page.waitForEvent('download'), app.click('ap.export')]);
  await app.click('nav.viewer');
  await app.click('viewer.close');  // the report opened above is shown: close it for the demo report
  await app.click('viewer.demo');
  await app.waitForState((x) => x.viewer.has_table && !x.viewer.loading, { what: 'viewer demo', timeout: 30000 });
  await app.click('viewer.table.row.0');
  await app.click('viewer.table.copy');
  // A request to the loopback fake is allowed (nothing listens: a network error, not a CSP block).
  await app.click('nav.settings');
  await app.fill('settings.particle_url', 'http://127.0.0.1:9');
  await app.click('settings.save');
  await app.click('nav.particle');
  await app.fill('particle.token', 'abc123');
  await page.keyboard.press('Enter');
  await app.waitForState((x) => x.particle.login.error !== null, { what: 'loopback attempt' });
  await app.screenshot('hardening-csp-flows');
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation in any flow');

  // The policy is really enforced: an injected inline script is blocked and reported.
  await page.evaluate(() => {
    const el = document.createElement('script');
    el.textContent = 'window.__inlineRan = true;';
    document.body.appendChild(el);
  });
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.__inlineRan === true), false);
  assert.ok((await page.evaluate(() => window.__csp)).some((v) => v.startsWith('script-src')));
  // Only the injected script's block and the loopback attempt are on the console.
  assert.deepEqual(errors.filter((e) => !/Content Security Policy|CSP violation: script-src-elem blocked inline|ERR_CONNECTION_REFUSED|Failed to load resource/.test(e)), []);
  await context.close();
});

test('plain http:// to another host is refused in Settings', async () => {
  const { context, app } = await openApp(browser, site.url);
  await app.click('nav.settings');
  await app.fill('settings.particle_url', 'http://api.example.com');
  await app.click('settings.save');
  await app.settle(300);
  const s = await app.state();
  assert.equal(s.settings.particle_base_url, 'https://api.particle.io', 'not saved');
  const error = await app.widget('settings.particle_url.error');
  assert.match(error.label, /Use https:\/\/ for api\.example\.com: plain http:\/\/ is only allowed for this computer/);
  await app.screenshot('hardening-http-refused');
  await context.close();
});

test('a 3 GB file is refused with its size and the limit before reading, and the page lives', async () => {
  const { context, page, app, errors } = await openApp(browser, site.url);
  await app.click('nav.viewer');
  await app.click('viewer.demo');
  await app.waitForState((x) => x.viewer.has_table && !x.viewer.loading, { what: 'a table first', timeout: 30000 });
  const before = (await app.state()).viewer.table.total_rows;
  await page.evaluate(() => {
    // 3 GB from repeated parts: Blobs of Blobs share their bytes, nothing is copied.
    let b = new Blob([new Uint8Array(1 << 20).fill(0x61)]);
    for (let i = 0; i < 10; ++i) b = new Blob([b, b]);  // 1 GB
    const file = new File([b, b, b], 'huge.csv', { type: 'text/csv' });
    window.__hugeSize = file.size;
    const dt = new DataTransfer();
    dt.items.add(file);
    const canvas = document.getElementById('canvas');
    canvas.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  assert.equal(await page.evaluate(() => window.__hugeSize), 3 * 1024 ** 3);
  const s = await app.waitForState((x) => x.viewer.load_error.length > 0, { what: 'refused' });
  assert.match(s.viewer.load_error, /huge\.csv is 3,072 MB; this page opens files up to 2,560 MB\. Nothing was read/);
  assert.equal(s.viewer.loading, false);
  assert.equal(s.viewer.table.total_rows, before, 'the table shown before is kept');
  await app.screenshot('hardening-3gb-refused');
  // Alive: it still answers input.
  await app.click('nav.settings');
  await app.waitForState((x) => x.section === 'settings');
  await app.click('nav.viewer');
  await app.waitForState((x) => x.section === 'viewer');
  assert.deepEqual(errors, []);
  await context.close();
});
