// The Particle section in the real page against the native fake server
// (tools/fake-particle on 127.0.0.1, API and download on two origins): token
// paste, token creation with MFA, organizations, agreement and usage, a report
// requested, counted down, made ready by advancing the fake's clock, downloaded
// byte for byte; the 3-at-a-time rule; reload while pending; revocation mid-poll;
// faults; what localStorage holds; and the demo with no server at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveDist, launch, openApp, startFake, AppDriver } from './harness.mjs';

let site, browser, fake, api, download;
before(async () => {
  site = await serveDist();
  browser = await launch();
  // Reports become ready 300 s (fake clock) after the request; tests advance the clock.
  fake = await startFake('fake-particle', ['--port', '0', '--download-port', '0', '--report-ready-after', '300']);
  [api, download] = fake.urls;
});
after(async () => { await browser?.close(); site?.close(); fake?.stop(); });

const control = (path, body) => fetch(`${api}/__fake/${path}`, {
  method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined,
}).then((r) => r.text());
const counts = () => fetch(`${api}/__fake/counts`).then((r) => r.json());
const p = (s) => s.particle;

async function tokenFor(email) {
  const r = await fetch(`${api}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Basic ' + btoa('particle:particle') },
    body: new URLSearchParams({ grant_type: 'password', username: email, password: 'secret' }),
  });
  return (await r.json()).access_token;
}

async function reset(config = {}) {
  await control('reset');
  await control('config', { download_cors: true, ...config });
}

// Points the page at the fake through the Settings panel, as a user would.
async function useFakeApi(app, url = api) {
  await app.click('nav.settings');
  await app.fill('settings.particle_url', url);
  await app.click('settings.save');
  await app.click('nav.particle');
}

async function pasteToken(app, token, { remember = false } = {}) {
  if (remember) await app.click('particle.remember');
  await app.fill('particle.token', token);
  await app.page.keyboard.press('Enter');  // Enter in the field submits
  return app.waitForState((s) => p(s).login.session === 'signed_in' && p(s).agreements.loaded &&
    p(s).notifications.loaded, { what: 'signed in with agreements' });
}

async function requestReport(app) {
  const before = p(await app.state()).reports.length;
  await app.click('particle.request');
  return app.waitForState((s) => p(s).reports.length === before + 1 && p(s).reports[0].phase === 'pending',
    { what: 'report pending' });
}

const storage = (page) => page.evaluate(() => JSON.stringify({ ...localStorage }));

test('token paste, organization, usage, request, countdown, ready, download byte for byte, viewer', async () => {
  await reset();
  const { context, page, app, errors } = await openApp(browser, site.url);
  await app.screenshot('particle-login');
  await useFakeApi(app);
  const token = await tokenFor('user@example.com');
  let s = await pasteToken(app, token);
  assert.equal(p(s).login.username, 'user@example.com');
  assert.equal(p(s).login.token_present, true);
  assert.ok(!JSON.stringify(s).includes(token), 'the token never appears in the state JSON');
  assert.ok(!(await storage(page)).includes(token), 'not remembered unless asked');
  assert.equal(p(s).orgs.items.length, 2);
  assert.ok((await app.widget('particle.usage.messages')).label.includes(' of '));
  await app.screenshot('particle-sandbox-usage');

  // Organization chosen from the list the API gave (sidebar).
  const org = p(s).orgs.items[0];
  await app.click(`particle.scope.${org.id}`);
  s = await app.waitForState((x) => p(x).scope === `org:${org.id}` && p(x).agreements.loaded && p(x).notifications.loaded,
    { what: 'org agreement' });
  assert.ok(p(s).agreements.items.length >= 1);
  assert.match(p(s).form.start, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal((await app.widget('particle.scope')).label, org.name);
  await app.screenshot('particle-org-usage');

  s = await requestReport(app);
  const report = p(s).reports[0];
  const id = `particle.report.${report.id}`;
  assert.match((await app.widget(`${id}.state`)).label, /next check in \d+ s/);
  assert.equal(p(s).outstanding, 1);
  await app.screenshot('particle-pending');

  await control('advance?seconds=600');
  await app.click(`${id}.check`);
  s = await app.waitForState((x) => p(x).reports[0].phase === 'available', { what: 'available' });
  assert.equal(p(s).reports[0].has_download_url, true);
  const masked = (await app.widget(`${id}.url`)).label;
  assert.match(masked, /\(hidden\)$/);
  assert.ok(!masked.includes('/reports/'), 'the secret part of the URL is not shown');
  await app.screenshot('particle-available');

  const [dl] = await Promise.all([page.waitForEvent('download'), app.click(`${id}.download`)]);
  assert.match(dl.suggestedFilename(), new RegExp(`^particle-usage_${org.id}_devices_\\d{4}-\\d{2}-\\d{2}_\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const saved = fs.readFileSync(await dl.path());
  const expected = Buffer.from(await (await fetch(`${api}/__fake/report_csv?id=${report.id}`)).arrayBuffer());
  assert.ok(expected.length > 100);
  assert.ok(saved.equals(expected), 'the saved CSV is byte-identical to what the fake serves');
  const requests = await (await fetch(`${api}/__fake/requests`)).json();
  const dlreq = requests.filter((r) => r.route === 'download');
  assert.ok(dlreq.length >= 1 && dlreq.every((r) => !r.has_authorization), 'no token sent to the storage host');
  assert.ok(requests.every((r) => !r.path.includes(token)), 'no token in any URL');

  await app.click(`${id}.copy`);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.startsWith(download) && copied.includes('/reports/'), copied);

  await app.click(`${id}.open`);
  s = await app.waitForState((x) => x.section === 'viewer' && x.viewer.table && x.viewer.table.total_rows > 0,
    { what: 'report in the viewer' });
  await app.screenshot('particle-opened-in-viewer');
  assert.deepEqual(errors, []);
  await context.close();
});

test('token creation with MFA (wrong code, then right), remember on, log out revokes', async () => {
  await reset();
  const { context, page, app, errors } = await openApp(browser, site.url);
  await useFakeApi(app);
  await app.click('particle.tab.password');
  await app.fill('particle.email', 'mfa@example.com');
  await app.page.keyboard.press('Tab');  // Tab moves to the password field
  await app.page.keyboard.type('wrong', { delay: 5 });
  await app.page.keyboard.press('Enter');
  let s = await app.waitForState((x) => p(x).login.error !== null, { what: 'wrong password' });
  assert.match(p(s).login.error.message, /Wrong email or password/);
  await app.fill('particle.password', 'secret');
  await app.click('particle.remember');
  await app.click('particle.create');
  s = await app.waitForState((x) => p(x).login.needs_otp, { what: 'MFA asked' });
  assert.match(p(s).login.message, /6-digit code/);
  await app.screenshot('particle-mfa');
  await app.fill('particle.otp', '000000');
  await app.page.keyboard.press('Enter');
  s = await app.waitForState((x) => p(x).login.error !== null && !p(x).login.busy, { what: 'wrong code' });
  assert.match(p(s).login.error.message, /code was not accepted/);
  assert.equal(p(s).login.needs_otp, true);
  await app.screenshot('particle-mfa-wrong-code');
  await app.fill('particle.otp', '123456');
  await app.page.keyboard.press('Enter');
  s = await app.waitForState((x) => p(x).login.session === 'signed_in', { what: 'signed in after MFA' });
  assert.equal(p(s).login.token_created_here, true);
  const stored = await storage(page);
  assert.ok(stored.includes('usagedesk.particle.token'), 'remembered when asked');
  assert.ok(!stored.includes('secret'), 'the password is never stored');
  await app.click('particle.logout');
  s = await app.waitForState((x) => /revoked/.test(p(x).login.message), { what: 'revoked' });
  assert.equal(p(s).login.session, 'signed_out');
  assert.equal((await counts()).revoke, 1);
  assert.ok(!(await storage(page)).includes('usagedesk.particle.token'), 'forgotten on log out');
  await app.screenshot('particle-logged-out');
  // The browser logs the refused answers (400/403/401) itself; nothing else, and never a secret.
  assert.deepEqual(errors.filter((e) => !/^Failed to load resource: the server responded with a status of 4\d\d/.test(e)), []);
  assert.ok(errors.every((e) => !e.includes('secret')));
  await context.close();
});

test('a fourth report is explained before sending; reload while pending resumes without a second POST', async () => {
  await reset();
  const { context, page, app, errors } = await openApp(browser, site.url);
  await useFakeApi(app);
  await pasteToken(app, await tokenFor('user@example.com'), { remember: true });
  for (let i = 0; i < 3; ++i) await requestReport(app);
  await app.click('particle.request');
  let s = await app.waitForState((x) => p(x).request_error !== null, { what: 'quota refusal' });
  assert.equal(p(s).request_error.kind, 'limit');
  assert.match(p(s).request_error.message, /already have 3 reports/);
  assert.equal((await counts()).create_report, 3, 'the fourth was never sent');
  assert.match((await app.widget('particle.outstanding')).label, /^3 of 3/);
  await app.screenshot('particle-quota');

  await page.reload();
  await page.waitForFunction(() => window.usagedesk && window.usagedesk.ready());
  s = await app.waitForState((x) => p(x).login.session === 'signed_in' && p(x).reports.length === 3,
    { what: 'restored after reload' });
  assert.ok(p(s).reports.every((r) => r.phase === 'pending' && !r.has_download_url));
  await control('advance?seconds=600');
  const id = `particle.report.${p(s).reports[0].id}`;
  await app.click(`${id}.check`);
  s = await app.waitForState((x) => p(x).reports[0].phase === 'available', { what: 'available after reload' });
  const c = await counts();
  assert.equal(c.create_report, 3, 'exactly one POST per report across the reload');
  await app.screenshot('particle-after-reload');
  assert.deepEqual(errors, []);
  await context.close();
});

test('faults: a 500 and a malformed answer show their messages; revoked mid-poll keeps the reports', async () => {
  await reset();
  const { context, page, app } = await openApp(browser, site.url);
  await useFakeApi(app);
  await pasteToken(app, await tokenFor('user@example.com'));
  await control('fault', { route: 'agreements', kind: 'server_error', count: 1 });
  await app.click('particle.refresh');
  let s = await app.waitForState((x) => p(x).agreements.error !== null, { what: 'agreements 500' });
  assert.equal(p(s).agreements.error.status, 500);
  assert.ok(p(s).agreements.items.length > 0, 'what was shown stays');
  assert.ok((await app.widget('particle.agreements.error')).label.length > 0);

  await control('fault', { route: 'create_report', kind: 'malformed_json', count: 1 });
  await app.click('particle.request');
  s = await app.waitForState((x) => p(x).request_error !== null, { what: 'malformed create' });
  assert.equal(p(s).request_error.kind, 'parse');
  // An unreadable 2xx may still have created the report: kept as such, not dropped.
  assert.equal(p(s).reports[0].phase, 'uncertain');
  await app.screenshot('particle-faults');

  // Downloads from a storage host without CORS are blocked: said so, with what to do.
  await control('config', { download_cors: false });
  s = await requestReport(app);
  const id = `particle.report.${p(s).reports[0].id}`;
  await control('advance?seconds=600');
  await app.click(`${id}.check`);
  await app.waitForState((x) => p(x).reports[0].phase === 'available', { what: 'available' });
  await app.click(`${id}.download`);
  s = await app.waitForState((x) => p(x).reports[0].download_error !== null, { what: 'blocked download' });
  assert.match(p(s).reports[0].download_error.message, /browser blocked the request.*new tab/);

  s = await requestReport(app);
  await control('revoke', { all: true });
  await app.click(`particle.report.${p(s).reports[0].id}.check`);
  s = await app.waitForState((x) => p(x).login.session === 'signed_out', { what: 'signed out mid-poll' });
  assert.match(p(s).login.error.message, /signed out.*reports are kept/);
  assert.equal(p(s).reports.length, 3, 'reports kept (the uncertain one too)');
  await app.screenshot('particle-revoked');
  await context.close();
});

test('faults at sign-in and at download: a 503 for the password and a web page where the CSV should be', async () => {
  await reset();
  const { context, page, app } = await openApp(browser, site.url);
  await useFakeApi(app);
  // Sign-in family: the token endpoint answers a 503 page; the message is on screen, the email kept.
  await control('fault', { route: 'token', kind: 'unavailable', count: 1 });
  await app.click('particle.tab.password');
  await app.fill('particle.email', 'user@example.com');
  await app.fill('particle.password', 'secret');
  await app.click('particle.create');
  let s = await app.waitForState((x) => p(x).login.error !== null, { what: 'token 503' });
  assert.equal(p(s).login.error.status, 503);
  assert.match((await app.widget('particle.login.error')).label, /Particle's server had a problem \(HTTP 503\)/);
  await app.screenshot('particle-fault-signin');
  await app.click('particle.create');  // the same fields, sent again: it works now
  await app.waitForState((x) => p(x).login.session === 'signed_in' && p(x).agreements.loaded, { what: 'signed in' });

  // Download family: the storage host answers 200 with an HTML page (a captive portal).
  s = await requestReport(app);
  const id = `particle.report.${p(s).reports[0].id}`;
  await control('advance?seconds=600');
  await app.click(`${id}.check`);
  await app.waitForState((x) => p(x).reports[0].phase === 'available', { what: 'available' });
  await control('fault', { route: 'download', kind: 'wrong_content_type', count: 1 });
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await app.click(`${id}.download`);
  s = await app.waitForState((x) => p(x).reports[0].download_error !== null, { what: 'html instead of csv' });
  assert.match(p(s).reports[0].download_error.message, /answered with a web page, not a CSV.*Nothing was saved/);
  assert.match((await app.widget(`${id}.error`)).label, /web page, not a CSV/);
  assert.equal(p(s).reports[0].phase, 'available', 'the report stays ready');
  await app.screenshot('particle-fault-download-html');
  await app.settle(300);
  assert.equal(downloads, 0, 'nothing saved');
  await context.close();
});

test('a report POST that got no clear answer is kept as "may have been created", counted, never re-sent', async () => {
  await reset();
  const { context, page, app, errors } = await openApp(browser, site.url);
  await useFakeApi(app);
  await pasteToken(app, await tokenFor('user@example.com'));
  await control('fault', { route: 'create_report', kind: 'drop', count: 10 });  // the browser may retry a reset POST
  await app.click('particle.request');
  let s = await app.waitForState((x) => p(x).reports.length === 1 && p(x).reports[0].phase === 'uncertain',
    { what: 'uncertain report' });
  assert.match(p(s).request_error.message, /may have reached Particle.*no way to list reports.*emailed.*limit of 3/);
  assert.equal(p(s).outstanding, 1, 'it counts against the limit');
  const w = await app.widgets();
  const name = Object.keys(w).find((k) => /^particle\.report\.uncertain\.\d+\.state$/.test(k));
  assert.ok(name, 'the list shows the entry');
  assert.equal(w[name].label, 'may have been created');
  // Its explanation is news: scrolled fully into view, not cut at the panel's bottom.
  await app.settle(100);
  const why = (await app.widgets())[name.replace(/\.state$/, '.record_message')];
  const below = await app.widget('notice.dismiss');  // the notice bar under the panel
  assert.ok(why && why.y + why.h <= below.y, `explanation ends at ${why?.y}+${why?.h}, the panel near ${below.y}`);
  await app.screenshot('particle-report-uncertain');
  const sent = (await counts()).create_report;
  // A reload keeps it, still counted, and sends nothing by itself.
  await fetch(`${api}/__fake/faults`, { method: 'DELETE' });
  await page.reload();
  await page.waitForFunction(() => window.usagedesk && window.usagedesk.ready(), null, { timeout: 30000 });
  s = await app.waitForState((x) => p(x).reports.length === 1 && p(x).login.session !== 'checking',
    { what: 'restored list' });
  assert.equal(p(s).reports[0].phase, 'uncertain');
  await app.settle(500);
  assert.equal((await counts()).create_report, sent, 'never re-sent');
  assert.deepEqual(errors.filter((e) => !/Failed to load resource|ERR_EMPTY_RESPONSE|ERR_CONNECTION/.test(e)), []);
  await context.close();
});

test('two tabs share the report list and check each report once', async () => {
  await reset();
  const a = await openApp(browser, site.url);
  await useFakeApi(a.app);
  const token = await tokenFor('user@example.com');
  await pasteToken(a.app, token);
  // The second tab of the same browser profile (same storage), signed in too.
  const pageB = await a.context.newPage();
  await pageB.goto(site.url);
  await pageB.waitForFunction(() => window.usagedesk && window.usagedesk.ready(), null, { timeout: 30000 });
  const b = { page: pageB, app: new AppDriver(pageB) };
  await b.app.settle();
  await b.app.click('nav.particle');
  await pasteToken(b.app, token);
  await a.page.bringToFront();
  let s = await requestReport(a.app);
  const id = p(s).reports[0].id;
  // It appears in the other tab, counted there too.
  s = await b.app.waitForState((x) => p(x).reports.some((r) => r.id === id), { what: 'report in tab B' });
  assert.equal(p(s).outstanding, 1);
  await b.page.bringToFront();
  await b.app.screenshot('particle-two-tabs-b');
  // Both tabs run the schedule (first check 15 s after the request): one check, not two.
  await a.page.waitForTimeout(19000);
  const c = await counts();
  assert.equal(c.create_report, 1);
  assert.equal(c.report_status, 1, 'the first check was made by one tab only');
  s = await a.app.state();
  assert.equal(p(s).reports[0].attempts, 1);
  await b.app.waitForState((x) => p(x).reports[0].attempts === 1, { what: 'B learned the check' });
  await a.context.close();
});

test('offline, a pending report waits for the network and a scope chosen says why; online again both go on', async () => {
  await reset();
  // Playwright's clock: the first check's moment (15 s) passes without waiting for it.
  const { context, page, app, errors } = await openApp(browser, site.url, { clock: Date.now() });
  await useFakeApi(app);
  await pasteToken(app, await tokenFor('user@example.com'));
  let s = await requestReport(app);
  const id = `particle.report.${p(s).reports[0].id}`;
  const sent = [];
  page.on('request', (r) => { if (!r.url().startsWith(site.url)) sent.push(r.url()); });

  await context.setOffline(true);
  await app.waitForState((x) => x.offline && p(x).waiting_for_network, { what: 'offline' });
  await page.clock.fastForward(60000);  // past the checks at 15 s and 45 s
  await app.page.mouse.move(700, 300);  // a frame at the new time
  s = await app.waitForState((x) => /you are offline, checks go on when the network is back/.test(p(x).reports[0].state_text),
    { what: 'the report waits for the network' });
  assert.equal(p(s).reports[0].attempts, 0, 'no check while offline');
  assert.equal(p(s).reports[0].awaiting_status, false);
  assert.match((await app.widget(`${id}.state`)).label, /^being prepared; you are offline/);
  await app.screenshot('particle-offline-pending');

  const org = p(s).orgs.items[0];
  await app.click(`particle.scope.${org.id}`);
  s = await app.waitForState((x) => p(x).agreements.error !== null, { what: 'scope refused offline' });
  assert.equal(p(s).agreements.error.message,
    "You are offline: loading this scope's usage needs the network. Try again when you are back online.");
  assert.equal((await app.widget('particle.agreements.error')).label, p(s).agreements.error.message);
  assert.deepEqual(sent, [], 'not one request while offline');
  assert.equal((await counts()).report_status || 0, 0);

  await context.setOffline(false);
  s = await app.waitForState((x) => !x.offline && p(x).agreements.loaded && p(x).reports[0].attempts === 1,
    { what: 'online: usage loaded and the overdue check made' });
  assert.equal(p(s).scope, `org:${org.id}`);
  assert.equal(p(s).agreements.error, null);
  assert.equal((await counts()).report_status, 1);
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
  await context.close();
});

test('an unreachable API says so; demo mode walks the whole flow with no server', async () => {
  const { context, page, app, errors } = await openApp(browser, site.url);
  await useFakeApi(app, 'http://127.0.0.1:9');
  await app.fill('particle.token', 'abc123');
  await app.page.keyboard.press('Enter');
  let s = await app.waitForState((x) => p(x).login.error !== null, { what: 'network error' });
  assert.match(p(s).login.error.message, /Could not reach 127\.0\.0\.1:9: network error or the browser blocked/);
  await app.screenshot('particle-unreachable');

  const outside = [];  // requests that left the page's own origin
  page.on('request', (r) => { if (!r.url().startsWith(site.url)) outside.push(r.url()); });
  await app.click('particle.demo');
  s = await app.waitForState((x) => x.demo_mode && p(x).login.session === 'signed_in' && p(x).agreements.loaded,
    { what: 'demo signed in' });
  await app.screenshot('particle-demo-usage');
  s = await requestReport(app);
  const id = `particle.report.${p(s).reports[0].id}`;
  s = await app.waitForState((x) => p(x).reports[0].phase === 'available', { what: 'demo report ready', timeout: 30000 });
  const [dl] = await Promise.all([page.waitForEvent('download'), app.click(`${id}.download`)]);
  const csv = fs.readFileSync(await dl.path(), 'utf8');
  assert.ok(csv.split('\n').length > 10, 'a real CSV from the simulated cloud');
  await app.screenshot('particle-demo-ready');
  await app.click(`${id}.open`);
  await app.waitForState((x) => x.section === 'viewer' && x.viewer.table && x.viewer.table.total_rows > 0,
    { what: 'demo report in the viewer' });
  assert.ok(!(await storage(page)).includes('usagedesk.particle.reports'), 'demo reports are not stored');
  assert.deepEqual(outside, [], 'the demo made no network request');
  await app.click('nav.particle');
  await app.click('demo.leave');
  s = await app.waitForState((x) => !x.demo_mode, { what: 'demo left' });
  assert.equal(p(s).login.session, 'signed_out', 'back to the real (signed-out) session');
  assert.equal(p(s).reports.length, 0, 'demo reports stay in the demo');
  await context.close();
});

test('layout at 800x600 and at devicePixelRatio 2', async () => {
  await reset();
  for (const [w, h, scale] of [[800, 600, 1], [1280, 800, 2]]) {
    const { context, app } = await openApp(browser, site.url, { width: w, height: h, scale });
    await useFakeApi(app);
    await pasteToken(app, await tokenFor('user@example.com'));
    await app.click('notice.dismiss');
    const inside = (ws, names) => {
      for (const name of names) {
        const r = ws[name];
        assert.ok(r && r.x >= 0 && r.x + r.w <= w + 1, `${name} inside the ${w} px window: ${JSON.stringify(r)}`);
      }
    };
    // The header's Log out, before scrolling: the scroll below may take it out of view (upwards).
    inside(await app.widgets(), ['particle.logout']);
    const main = await app.widget('particle.scope');
    await app.page.mouse.move(main.x + 10, main.y + 10);
    await app.page.mouse.wheel(0, 400);  // scroll the panels as a person would on a small screen
    await app.settle();
    await requestReport(app);
    await app.screenshot(`particle-${w}x${h}-dpr${scale}`);
    inside(await app.widgets(), ['particle.request', 'particle.start', 'particle.end']);
    await context.close();
  }
});
