// Saved data that is corrupt, foreign or newer never stops the page (issue 12):
// a corrupt record of each kind is dropped alone with a notice, a newer one is
// left untouched, a remembered token is not sent to another address, and a
// refused write (storage full) is reported instead of "Settings saved".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp } from './harness.mjs';

let site, browser;
before(async () => { site = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); site?.close(); });

// Plants `records` in localStorage, then loads the page again over them.
async function reloadWith(page, app, records) {
  await page.evaluate((r) => { localStorage.clear(); for (const [k, v] of Object.entries(r)) localStorage.setItem(k, v); }, records);
  const requests = [];
  page.on('request', (req) => requests.push(req.url()));
  await page.reload();
  await page.waitForFunction(() => window.usagedesk && window.usagedesk.ready(), null, { timeout: 30000 });
  await app.settle(300);
  return requests;
}

const report = (fields) => ({ v: 1, id: '41', scope: 'sandbox', type: 'devices', start: '2026-06-01',
  end: '2026-06-10', requested_at: 1780000000000, phase: 'failed', message: 'old', ...fields });

test('a corrupt record of each kind is dropped alone and the page works', async () => {
  const { context, page, app, errors } = await openApp(browser, site.url);
  const requests = await reloadWith(page, app, {
    'usagedesk.settings': JSON.stringify({ version: 1, particle_base_url: 17, activeplatform_base_url: '/ap2/' }),
    // created_here not a boolean: this record used to abort the page at every load.
    'usagedesk.particle.token': JSON.stringify({ token: 'abc', created_here: 'yes' }),
    'usagedesk.particle.reports': JSON.stringify({ v: 1, reports: [report({ id: '40', attempts: 'x' }), report({}),
      report({ id: '42', requested_at: '99999999999999999999' }), { v: 7, id: '43', shape: 'future' }] }),
    'usagedesk.activeplatform.token': '{"v":1,"token":',
  });
  const s = await app.state();
  assert.match(s.notice, /could not be read and were reset to defaults: 'particle_base_url' is not text/);
  assert.equal(s.settings.particle_base_url, 'https://api.particle.io');
  assert.equal(s.settings.activeplatform_base_url, '/ap2/');  // the good field survives
  assert.match(s.particle.login.warning, /remembered sign-in could not be read .*forgotten/);
  assert.equal(s.particle.login.session, 'signed_out');
  assert.deepEqual(s.particle.reports.map((r) => r.id), ['41']);
  assert.match(s.particle.reports_message, /2 saved reports could not be read and were dropped: report 40.*attempts.*report 42/);
  assert.match(s.activeplatform.warning, /remembered ActivePlatform token could not be read/);
  assert.ok(!requests.some((u) => u.includes('/v1/')), 'no API request at load: ' + requests.join(' '));
  // The page is alive: every section opens.
  for (const nav of ['nav.particle', 'nav.viewer', 'nav.activeplatform', 'nav.settings']) {
    await app.click(nav);
    await app.settle();
  }
  await app.click('nav.particle');
  await app.waitForState((st) => st.section === 'particle');
  await app.screenshot('stored-corrupt-records');
  const stored = await page.evaluate(() => ({ ...localStorage }));
  assert.equal(stored['usagedesk.particle.token'], undefined);
  assert.match(stored['usagedesk.particle.reports'], /"shape":"future"/, 'the newer record is kept');
  assert.deepEqual(errors, []);
  await context.close();
});

test('newer records are left untouched and a token is not sent to another address', async () => {
  const { context, page, app, errors } = await openApp(browser, site.url);
  const newerSettings = JSON.stringify({ version: 5, particle_base_url: 'https://future.example' });
  const newerReports = JSON.stringify({ v: 2, lists: {} });
  const foreignToken = JSON.stringify({ v: 1, token: 'tok-for-elsewhere', api: 'https://127.0.0.1:1/', created_here: true });
  const requests = await reloadWith(page, app, {
    'usagedesk.settings': newerSettings,
    'usagedesk.particle.reports': newerReports,
    'usagedesk.particle.token': foreignToken,
  });
  const s = await app.state();
  assert.match(s.notice, /newer UsageDesk/);
  assert.match(s.particle.reports_message, /newer UsageDesk/);
  assert.match(s.particle.login.warning, /belongs to https:\/\/127\.0\.0\.1:1\/.*was not sent/);
  assert.ok(!requests.some((u) => !u.startsWith(site.url)), 'nothing sent anywhere: ' + requests.join(' '));
  const stored = await page.evaluate(() => ({ ...localStorage }));
  assert.equal(stored['usagedesk.settings'], newerSettings);
  assert.equal(stored['usagedesk.particle.reports'], newerReports);
  assert.equal(stored['usagedesk.particle.token'], foreignToken);
  await app.click('nav.particle');
  await app.screenshot('stored-newer-and-foreign');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a refused write is reported, not "Settings saved"', async () => {
  const { context, page, app, errors } = await openApp(browser, site.url);
  await page.evaluate(() => {
    Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await app.click('nav.settings');
  await app.waitForState((st) => st.section === 'settings');
  await app.fill('settings.particle_url', 'http://127.0.0.1:9101');
  await app.click('settings.save');
  const s = await app.waitForState((st) => st.settings.particle_base_url === 'http://127.0.0.1:9101');
  assert.match(s.notice, /could not be saved on this device/);
  assert.doesNotMatch(s.notice, /Settings saved/);
  await app.screenshot('stored-write-refused');
  assert.deepEqual(errors, []);
  await context.close();
});
