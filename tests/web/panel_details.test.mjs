// Details a person notices (issue 18), in the real page with the in-page demo
// clouds (no server): every documented token lifetime offered, the device
// filter asking for IDs, report dates as UTC days with today's UTC date, the
// report id shown and copyable; the ActivePlatform chart's short day labels
// (full date in the hover), "Other (N)" in its legend and its top-N control.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp } from './harness.mjs';

let site, browser;
before(async () => { site = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); site?.close(); });

const p = (s) => s.particle;
const ap = (s) => s.activeplatform;

test('Particle: token lifetimes, device IDs, UTC today, report id shown and copyable', async () => {
  // Tall enough that the report list is on screen below the form.
  const { context, page, app, errors } = await openApp(browser, site.url, { height: 1400 });
  await app.click('particle.tab.password');
  await app.click('particle.lifetime');
  assert.equal((await app.widget('particle.lifetime.900')).label, '15 minutes');
  assert.equal((await app.widget('particle.lifetime.28800')).label, '8 hours');
  await app.screenshot('details-particle-lifetimes');
  await app.click('particle.lifetime.28800');
  assert.equal((await app.widget('particle.lifetime')).label, '8 hours');

  await app.click('particle.demo');
  let s = await app.waitForState((x) => p(x).login.session === 'signed_in' && p(x).agreements.loaded,
    { what: 'demo signed in' });
  assert.match((await app.widget('particle.token_note')).label, /^token expires in /);
  const today = p(s).today_utc;
  assert.equal(today, new Date(p(s).now).toISOString().slice(0, 10));
  assert.equal((await app.widget('particle.today_utc')).label, `Report dates are UTC days; today in UTC is ${today}.`);

  await app.click('particle.filters');
  const devices = await app.widget('particle.filter.devices');
  assert.match(devices.label, /device IDs/);
  assert.doesNotMatch(devices.label, /names/);

  await app.click('particle.request');
  s = await app.waitForState((x) => p(x).reports.length === 1 && p(x).reports[0].id !== '', { what: 'report with an id' });
  const id = p(s).reports[0].id;
  assert.equal((await app.widget(`particle.report.${id}.report_id`)).label, id);
  await app.click(`particle.report.${id}.copy_id`);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), id);
  assert.match((await app.widget(`particle.report.${id}.message`)).label, new RegExp(`Report id ${id} copied`));
  await app.screenshot('details-particle-report-id');
  assert.deepEqual(errors, []);
  await context.close();
});

test('ActivePlatform chart: short day labels, full date in the hover, Other (N), top N', async () => {
  const { context, page, app, errors } = await openApp(browser, site.url, { height: 1500 });
  await app.click('nav.activeplatform');
  await app.click('ap.demo');
  let s = await app.waitForState((st) => st.demo_mode && ap(st).has_report, { what: 'demo report' });
  const days = (await app.widget('ap.chart.days')).label.split(' | ');
  assert.ok(days.length >= 3, `labels: ${days}`);
  for (const d of days) assert.match(d, /^(\d{1,2} [A-Z][a-z]{2}|[A-Z][a-z]{2}( \d{4})?)$/, `label "${d}"`);

  assert.match(await app.hoverChart('ap.chart', 1, 2), /^\d{4}-\d{2}-\d{2}\n/);
  await page.mouse.move(5, 5);

  assert.equal((await app.widget('ap.chart.top_n')).label, '8');
  await app.fill('ap.chart.top_n', '4');
  await page.keyboard.press('Enter');
  await app.waitForState((st) => ap(st).chart.top_n === 4, { what: 'top 4 typed' });
  await app.click('ap.chart.top_n.minus');
  s = await app.waitForState((st) => ap(st).chart.top_n === 3, { what: 'top 3' });
  const legend = (await app.widget('ap.chart.legend')).label.split(' | ');
  assert.equal(legend.length, 4, `legend: ${legend}`);
  assert.match(legend[3], /^Other \(\d+\)$/);
  assert.deepEqual(legend, ap(s).chart.series[0].legend);
  await app.screenshot('details-activeplatform-chart-top3');
  assert.deepEqual(errors, []);
  await context.close();
});
