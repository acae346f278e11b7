// Offline after one visit: the service worker caches the page's own files (and
// nothing else) under a cache named by the build; with the network off the
// page loads from a sub-folder, the viewer opens a CSV, the demos run, the
// Particle and ActivePlatform panels say they are offline, their network
// actions send nothing and say so at once where the action is, and the live
// region says a file was opened. A changed build offers "A new version is ready: reload".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDist, launch, openApp, distDir, repoRoot } from './harness.mjs';

const fixtures = path.join(repoRoot, 'tests/fixtures/viewer');
const kFolder = 'any/folder/';  // the page works from any folder of a static host
let root, site, browser;
before(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ud-offline-'));
  fs.cpSync(distDir, path.join(root, kFolder), { recursive: true });
  site = await serveDist(root);
  browser = await launch();
});
after(async () => { await browser?.close(); site?.close(); fs.rmSync(root, { recursive: true, force: true }); });

const pageUrl = () => site.url + kFolder;
const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller &&
  navigator.serviceWorker.controller.state === 'activated', null, { timeout: 30000 });
const cacheContents = (page) => page.evaluate(async () => {
  const out = {};
  for (const name of await caches.keys())
    out[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname).sort();
  return out;
});

test('after one visit the page works offline from a sub-folder; API panels say they are offline', async () => {
  const { context, page, app, errors } = await openApp(browser, pageUrl());
  await controlled(page);
  const caches = await cacheContents(page);
  const names = Object.keys(caches);
  assert.equal(names.length, 1);
  assert.match(names[0], /^usagedesk-[0-9a-f]{16}$/, 'the cache is named by the build');
  const base = '/' + kFolder;
  assert.deepEqual(caches[names[0]], ['app.deferred.wasm', 'app.js', 'app.wasm', 'boot.js', 'favicon.svg', 'file_reader.js',
    'index.html', 'manifest.webmanifest', 'usagedesk.css', 'usagedesk.js'].map((f) => base + f));

  await context.setOffline(true);
  await page.reload();
  await page.waitForFunction(() => window.usagedesk && window.usagedesk.ready(), null, { timeout: 30000 });
  await app.settle();
  let s = await app.waitForState((x) => x.offline, { what: 'offline in state' });
  const note = await app.widget('particle.offline');
  assert.match(note.label, /You are offline: Particle needs the network/);
  await app.screenshot('offline-particle');
  // What needs the network sends nothing and says so at once, where the action is.
  const sent = [];
  page.on('request', (r) => { if (!r.url().startsWith(site.url)) sent.push(r.url()); });
  await app.fill('particle.token', '0123456789abcdef0123456789abcdef01234567');
  await app.click('particle.signin');
  s = await app.waitForState((x) => x.particle.login.error !== null, { what: 'sign-in refused', timeout: 3000 });
  assert.match(s.particle.login.error.message, /^You are offline: signing in needs the network\./);
  assert.equal(s.particle.login.busy, false, 'nothing waits for an answer');
  assert.match((await app.widget('particle.login.error')).label, /^You are offline: signing in/);
  await app.screenshot('offline-particle-signin-refused');
  // An API call is not answered from the cache: it fails as the network does.
  const api = await page.evaluate(() => fetch('ap/api/v3/analytics_daily').then(() => 'answered', () => 'network error'));
  assert.equal(api, 'network error');

  await app.click('nav.viewer');
  const chooser = page.waitForEvent('filechooser', { timeout: 5000 }).catch(() => null);
  await app.click('viewer.open');
  const fc = await chooser;
  if (fc) await fc.setFiles(path.join(fixtures, 'usage_small.csv'));
  else await page.setInputFiles('#file-input', path.join(fixtures, 'usage_small.csv'));
  s = await app.waitForState((x) => x.viewer.has_table, { what: 'table loaded offline' });
  assert.equal(s.viewer.table.total_rows, 6);
  await page.waitForFunction(() => document.getElementById('announce-polite').textContent
    .includes('Opened usage_small.csv: 6 rows.'));

  await app.click('nav.activeplatform');
  assert.match((await app.widget('activeplatform.offline')).label, /You are offline: ActivePlatform/);
  await app.click('ap.fetch');
  s = await app.waitForState((x) => x.activeplatform.error !== null, { what: 'fetch refused', timeout: 3000 });
  assert.match(s.activeplatform.error.message, /^You are offline: fetching daily expenses needs the network\./);
  assert.equal(s.activeplatform.busy, false);
  assert.match((await app.widget('ap.error')).label, /^You are offline: fetching/);
  assert.deepEqual(sent, [], 'no request left the page for an API');
  await app.click('ap.demo');
  s = await app.waitForState((x) => x.demo_mode && x.activeplatform.has_report, { what: 'ActivePlatform demo offline' });
  assert.equal((await app.widgets())['activeplatform.offline'], undefined, 'the demo needs no network');
  await app.click('nav.particle');
  await app.click('particle.demo');
  await app.waitForState((x) => x.particle.login.session === 'signed_in' && x.particle.agreements.loaded,
    { what: 'Particle demo offline' });
  await app.screenshot('offline-particle-demo');

  await context.setOffline(false);
  await app.waitForState((x) => !x.offline, { what: 'online again' });
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e)), []);
  await context.close();
});

test('a changed build offers "A new version is ready: reload", and the reload brings it', async () => {
  const { context, page, app, errors } = await openApp(browser, pageUrl());
  await controlled(page);
  const first = Object.keys(await cacheContents(page));
  assert.equal(await page.isVisible('#update-ready'), false, 'a first visit offers nothing');

  // A new build: a changed file and the service worker that build-wasm.sh writes for it.
  const dir = path.join(root, kFolder);
  fs.appendFileSync(path.join(dir, 'usagedesk.css'), '\n/* build 2 */\n');
  const version = execFileSync('bash', [path.join(repoRoot, 'scripts/write-service-worker.sh'), dir]).toString().trim();
  assert.match(version, /^[0-9a-f]{16}$/);
  assert.notEqual(`usagedesk-${version}`, first[0], 'the changed file gives a new cache version');
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  await page.waitForSelector('#update-ready', { state: 'visible', timeout: 30000 });
  assert.equal((await page.textContent('#update-ready')).replace(/\s+/g, ' ').trim(), 'A new version is ready: reload');
  await app.screenshot('offline-update-ready');

  await Promise.all([page.waitForEvent('load', { timeout: 30000 }), page.click('#update-reload')]);
  await page.waitForFunction(() => window.usagedesk && window.usagedesk.ready(), null, { timeout: 30000 });
  const now = await cacheContents(page);
  assert.deepEqual(Object.keys(now), [`usagedesk-${version}`], `old cache ${first[0]} removed`);
  const css = await page.evaluate(() => fetch('usagedesk.css').then((r) => r.text()));
  assert.ok(css.includes('build 2'), 'the new files are served');
  assert.equal(await page.isVisible('#update-ready'), false);
  assert.deepEqual(errors, []);
  await context.close();
});
