// What the page tells a person beyond the canvas: the canvas's accessible name
// and description, the ARIA live regions after a login error, a sign-in, a
// report requested and ready; the hidden tab's title; "notify me" asking for
// permission only when ticked, and the system notification naming the report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp } from './harness.mjs';

let site, browser;
before(async () => { site = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); site?.close(); });

const p = (s) => s.particle;
const liveText = (page, urgent) => page.evaluate((u) =>
  document.getElementById(u ? 'announce-urgent' : 'announce-polite').textContent, urgent);
async function waitLive(page, urgent, pattern) {
  const deadline = Date.now() + 30000;
  for (;;) {
    const text = await liveText(page, urgent);
    if (pattern.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`live region never said ${pattern}; it says: ${text}`);
    await page.waitForTimeout(100);
  }
}

// Stand-ins for what headless Chromium cannot show: page visibility (a test
// switches it and fires visibilitychange, as a browser does on a tab switch)
// and notifications (recorded, with the permission prompts counted).
function browserStandIns() {
  window.__ud = { visibility: 'visible', notes: [], permissionAsked: 0 };
  Object.defineProperty(Document.prototype, 'visibilityState', { get: () => window.__ud.visibility, configurable: true });
  Object.defineProperty(Document.prototype, 'hidden', { get: () => window.__ud.visibility === 'hidden', configurable: true });
  class RecordedNotification {
    constructor(title, options) { window.__ud.notes.push({ title, body: options && options.body }); }
    static requestPermission() {
      window.__ud.permissionAsked += 1;
      RecordedNotification.permission = 'granted';
      return Promise.resolve('granted');
    }
  }
  RecordedNotification.permission = 'default';
  window.Notification = RecordedNotification;
}
const setVisibility = (page, v) => page.evaluate((vis) => {
  window.__ud.visibility = vis;
  document.dispatchEvent(new Event('visibilitychange'));
}, v);

test('the canvas has a name and a description; a login error is announced at once', async () => {
  const { context, page, app, errors } = await openApp(browser, site.url);
  const canvas = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { name: c.getAttribute('aria-label'), role: c.getAttribute('role'),
      description: document.getElementById(c.getAttribute('aria-describedby')).textContent };
  });
  assert.equal(canvas.name, 'UsageDesk');
  assert.equal(canvas.role, 'application');
  assert.match(canvas.description, /Particle data operations reports/);

  await app.click('nav.settings');
  await app.fill('settings.particle_url', 'http://127.0.0.1:9');
  await app.click('settings.save');
  await app.click('nav.particle');
  await app.fill('particle.token', 'abc123');
  await app.page.keyboard.press('Enter');
  await app.waitForState((x) => p(x).login.error !== null, { what: 'network error' });
  const said = await waitLive(page, true, /Particle sign-in: Could not reach 127\.0\.0\.1:9/);
  assert.ok(!said.includes('abc123'), 'the token is never announced');
  assert.deepEqual(errors.filter((e) => !/ERR_UNSAFE_PORT|ERR_CONNECTION_REFUSED|Failed to load resource/.test(e)), [], 'only the refused request');
  await context.close();
});

test('demo report: requested and ready announced; hidden tab title until seen; notification when asked', async () => {
  const { context, page, app, errors } = await openApp(browser, site.url, { init: browserStandIns });
  await app.click('particle.demo');
  await app.waitForState((x) => x.demo_mode && p(x).login.session === 'signed_in' && p(x).agreements.loaded,
    { what: 'demo signed in' });
  await waitLive(page, false, /Signed in to Particle as /);

  assert.equal(await page.evaluate(() => window.__ud.permissionAsked), 0, 'no permission prompt before "notify me"');
  await app.click('particle.notify');
  let s = await app.waitForState((x) => p(x).form.notify_when_ready, { what: 'notify me ticked' });
  await page.waitForFunction(() => window.__ud.permissionAsked === 1);

  await app.click('particle.request');
  s = await app.waitForState((x) => p(x).reports.length === 1 && p(x).reports[0].phase === 'pending',
    { what: 'report pending' });
  assert.equal(p(s).reports[0].notify, true);
  await waitLive(page, false, /Report requested: devices report/);

  await setVisibility(page, 'hidden');
  await app.waitForState((x) => p(x).reports[0].phase === 'available', { what: 'demo report ready', timeout: 40000 });
  const ready = await waitLive(page, false, /Report ready: devices report, \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d, sandbox\./);
  assert.equal(await page.title(), 'Report ready · UsageDesk', 'the hidden tab says so');
  const notes = await page.evaluate(() => window.__ud.notes);
  assert.equal(notes.length, 1);
  assert.equal(notes[0].title, 'Report ready · UsageDesk');
  assert.ok(ready.includes(notes[0].body), 'the notification names the report');
  await page.waitForTimeout(500);
  assert.equal(await page.title(), 'Report ready · UsageDesk', 'still marked while unseen');

  const framesHidden = await app.frames();
  await setVisibility(page, 'visible');
  assert.equal(await page.title(), 'UsageDesk', 'seen: the title is back');
  await page.waitForFunction((n) => window.usagedesk.frames() > n, framesHidden);  // seen: what changed is drawn
  await app.settle();
  await app.screenshot('announce-report-ready');
  assert.deepEqual(errors, []);
  await context.close();
});
