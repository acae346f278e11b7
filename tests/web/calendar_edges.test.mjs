// The demo's whole walk on the days where dates turn: the last minutes of a
// billing period, the first minutes of the next, and a new year. The page runs
// on the day it is opened, so these days come to every CI run sooner or later
// (a layout that moved near a period's end once failed one); here they come on
// purpose, through Playwright's clock.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp } from './harness.mjs';

let site, browser;
before(async () => { site = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); site?.close(); });

// The demo's sandbox period starts on the 4th of a month.
for (const when of ['2026-12-03T23:58:00Z', '2026-12-04T00:02:00Z', '2026-12-31T23:59:00Z']) {
  test(`demo walk at ${when}: request, ready, viewer, ActivePlatform`, async () => {
    const { context, app, errors } = await openApp(browser, site.url, { clock: when });
    await app.click('particle.demo');
    let s = await app.waitForState((x) => x.demo_mode && x.particle.login.session === 'signed_in' &&
      x.particle.agreements.loaded && x.particle.notifications.loaded, { what: 'demo signed in' });
    assert.equal(s.particle.today_utc, when.slice(0, 10));
    await app.click('particle.request');
    s = await app.waitForState((x) => x.particle.reports.length === 1 && x.particle.reports[0].phase === 'available',
      { what: 'demo report ready', timeout: 40000 });
    await app.click(`particle.report.${s.particle.reports[0].id}.open`);
    s = await app.waitForState((x) => x.section === 'viewer' && x.viewer.table?.total_rows > 0, { what: 'viewer' });
    await app.click('nav.activeplatform');
    await app.click('ap.demo');
    s = await app.waitForState((x) => x.activeplatform.has_report && x.activeplatform.totals.length > 0,
      { what: 'ActivePlatform demo' });
    await app.click('nav.particle');
    await app.screenshot(`calendar-${when.slice(0, 10)}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
