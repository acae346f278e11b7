// Insights (issue 14) in the real page: the Particle forecast (sentence, marker
// on the data-operations bar, how it is computed, the report's daily chart with
// the projection), what spiked in a report (Show filters the table), two reports
// compared in the viewer; ActivePlatform's spikes, this month against last month,
// and the month-end forecast. Walked in demo mode and against both fake servers
// (started with their demo data), with screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveDist, launch, openApp, startFake } from './harness.mjs';

let site, browser, particleFake, apFake;
before(async () => {
  site = await serveDist();
  browser = await launch();
  particleFake = await startFake('fake-particle', ['--port', '0', '--download-port', '0', '--demo',
    '--report-ready-after', '300']);
  apFake = await startFake('fake-activeplatform', ['--port', '0', '--preset', 'demo']);
});
after(async () => { await browser?.close(); site?.close(); particleFake?.stop(); apFake?.stop(); });

const p = (s) => s.particle;
const ap = (s) => s.activeplatform;
const particleApi = () => particleFake.urls[0];

// Clicks `name`, and again if `done` is still false after a while: a busy machine can drop a
// click that lands between frames.
async function clickUntil(app, name, done) {
  await app.click(name);
  for (let i = 0; i < 20 && !done(await app.state()); ++i) await app.page.waitForTimeout(100);
  if (!done(await app.state())) await app.click(name);
}

async function requestAndOpen(app, { advance } = {}) {
  const before = p(await app.state()).reports.length;
  await clickUntil(app, 'particle.request', (x) => p(x).reports.length > before || p(x).request_error);
  let s = await app.waitForState((x) => p(x).request_error ||
    (p(x).reports.length === before + 1 && p(x).reports[0].phase !== 'requested'), { what: 'report requested' });
  assert.equal(p(s).request_error, null, JSON.stringify(p(s).request_error));
  const id = `particle.report.${p(s).reports[0].id}`;
  if (advance) {
    await advance();
    await app.click(`${id}.check`);
  }
  s = await app.waitForState((x) => p(x).reports[0].phase === 'available', { what: 'report ready', timeout: 40000 });
  const rows = s.viewer.table ? s.viewer.file_name : '';
  await clickUntil(app, `${id}.open`, (x) => p(x).reports[0].downloading || x.viewer.file_name !== rows ||
    p(x).reports[0].download_error);
  return app.waitForState((x) => x.section === 'viewer' && x.viewer.table && x.viewer.file_name !== rows,
    { what: 'report in the viewer' });
}

// The forecast under the bar: a sentence in every state, and with a report the 7-day rate and the chart.
async function checkParticleForecast(app, name) {
  await app.click('nav.particle');
  const s = await app.waitForState((x) => p(x).forecast.shown, { what: 'forecast shown' });
  const f = p(s).forecast;
  const sentence = (await app.widget('particle.forecast.sentence')).label;
  assert.equal(sentence, f.sentence);
  console.log(`${name}: day ${f.day} of ${f.period_days}: ${f.sentence}`);
  if (f.status === 'too_little_data') {
    assert.match(f.sentence, /^Too little data for a forecast yet/);
    return s;
  }
  assert.equal(f.status, 'ready', JSON.stringify(f));
  assert.ok(f.from_report, 'the opened report of this period feeds the forecast');
  assert.match(f.sentence, /^(At the last 7 days' rate you reach 100 % around \d+ \w+, (\d+ days? before the period ends|on the period's last day)|At the (last 7 days'|average) rate|You have used)/);
  assert.ok(f.chart_days > 0, 'the report\'s daily chart with the projection');
  await app.widget('particle.forecast.marker');
  await app.widget('particle.forecast.chart.plot');
  await app.click('particle.forecast.how');
  const details = (await app.widget('particle.forecast.details')).label;
  assert.match(details, /Projection = used \+ rate x days left, exact, rounded once/);
  await app.screenshot(name);
  return s;
}

async function checkViewerSpikes(app, name) {
  await app.click('nav.viewer');
  let s = await app.state();
  const spikes = s.viewer.insights.spikes;
  assert.ok(spikes && spikes.spikes.length >= 1, JSON.stringify(s.viewer.insights).slice(0, 500));
  const first = spikes.spikes[0];
  assert.match(first.text, /x its median day of/);
  await app.click('viewer.spikes');
  assert.equal((await app.widget('viewer.spikes.item.0')).label, first.text);
  await app.click('viewer.spikes.show.0');
  s = await app.waitForState((x) => x.viewer.table.shown_rows < x.viewer.table.total_rows, { what: 'filtered to the spike' });
  assert.equal(s.viewer.table.shown_rows, 1, 'one device on one day');
  console.log(`${name}: ${first.text}`);
  await app.screenshot(name);
}

test('demo: Particle forecast, what spiked, last period against this one', async () => {
  const { context, page, app, errors } = await openApp(browser, site.url, { height: 1400 });
  await app.click('particle.demo');
  await app.waitForState((x) => x.demo_mode && p(x).login.session === 'signed_in' && p(x).agreements.loaded,
    { what: 'demo signed in' });
  let s = await app.state();
  assert.ok(p(s).forecast.shown);
  console.log(`counter only: ${p(s).forecast.sentence}`);
  await requestAndOpen(app);
  await checkParticleForecast(app, 'insights-demo-particle-forecast');
  await checkViewerSpikes(app, 'insights-demo-viewer-spikes');

  // Compare: keep this period's report, request the last period's, open it.
  await app.click('viewer.keep');
  await app.click('nav.particle');
  await app.click('particle.preset.last_period');
  s = await requestAndOpen(app);
  const c = s.viewer.insights.compare;
  assert.ok(c, JSON.stringify(s.viewer.insights).slice(0, 500));
  assert.ok(c.keys.some((k) => k.status === 'new') && c.keys.some((k) => k.status === 'gone'),
    JSON.stringify(c.keys));
  assert.notEqual(c.totals[0].before, c.totals[0].after);
  assert.ok(s.viewer.insights.compare_chart_days > 0);
  await app.widget('viewer.compare.chart.plot');
  console.log(`viewer compare: ${(await app.widget('viewer.compare.total')).label}`);
  await app.screenshot('insights-demo-viewer-compare');
  const [dl] = await Promise.all([page.waitForEvent('download'), app.click('viewer.compare.export')]);
  const csv = fs.readFileSync(await dl.path(), 'utf8');
  assert.match(csv.split(/\r?\n/)[0], /Device name,Before,After,Change,Change %,Status/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('demo: ActivePlatform spikes, this month against last month, month-end forecast', async () => {
  const { context, page, app, errors } = await openApp(browser, site.url, { height: 1400 });
  await app.click('nav.activeplatform');
  await app.click('ap.demo');
  let s = await app.waitForState((x) => x.demo_mode && ap(x).has_report, { what: 'demo report' });
  await walkActivePlatform(app, page, 'insights-demo-ap');
  assert.deepEqual(errors, []);
  await context.close();
});

async function walkActivePlatform(app, page, prefix) {
  let s = await app.state();
  const spikes = ap(s).insights.spikes;
  assert.ok(spikes && spikes.spikes.length >= 1, JSON.stringify(ap(s).insights).slice(0, 500));
  assert.ok(spikes.spikes.some((x) => x.key === 'Bandwidth'), JSON.stringify(spikes.spikes.map((x) => x.text)));
  const i = spikes.spikes.findIndex((x) => x.key === 'Bandwidth');
  await app.click(`ap.spikes.show.${i}`);
  s = await app.waitForState((x) => ap(x).table.shown_rows < ap(x).table.total_rows, { what: 'filtered to the spike' });
  console.log(`${prefix} spike: ${spikes.spikes[i].text}; ${ap(s).table.shown_rows} lines`);
  await app.screenshot(`${prefix}-spikes`);

  await app.click('ap.compare');
  await app.click('ap.compare.months');
  s = await app.waitForState((x) => ap(x).insights.compare.result || ap(x).insights.compare.error,
    { what: 'comparison', timeout: 30000 });
  const c = ap(s).insights.compare;
  assert.equal(c.error, null, JSON.stringify(c.error));
  assert.notEqual(c.result.totals[0].before, c.result.totals[0].after);
  assert.ok(c.charts >= 1);
  await app.click('ap.compare.key.resource_group');
  s = await app.waitForState((x) => ap(x).insights.compare.key === 'resource_group', { what: 'by resource group' });
  const keys = ap(s).insights.compare.result.keys;
  assert.ok(keys.some((k) => k.status === 'new') && keys.some((k) => k.status === 'gone'), JSON.stringify(keys));
  console.log(`${prefix} compare: ${(await app.widget('ap.compare.total.EUR')).label}`);
  await app.screenshot(`${prefix}-compare`);
  const [dl] = await Promise.all([page.waitForEvent('download'), app.click('ap.compare.export')]);
  assert.match(fs.readFileSync(await dl.path(), 'utf8').split(/\r?\n/)[0], /Currency,resource_group,Before,After/);
  await app.click('ap.compare.close');

  // Any two ranges: the two last whole months (this month may have only begun).
  const iso = (d) => d.toISOString().slice(0, 10);
  const now = new Date();
  const month = (back) => [new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)),
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back + 1, 0))];
  const [e1, e2] = month(2), [l1, l2] = month(1);
  await app.fill('ap.compare.earlier.from', iso(e1));
  await app.fill('ap.compare.earlier.to', iso(e2));
  await app.fill('ap.compare.later.from', iso(l1));
  await app.fill('ap.compare.later.to', iso(l2));
  await app.click('ap.compare.ranges');
  s = await app.waitForState((x) => ap(x).insights.compare.result && ap(x).insights.compare.earlier.startsWith(iso(e1)),
    { what: 'two ranges compared', timeout: 30000 });
  const two = ap(s).insights.compare.result;
  assert.ok(two.keys.some((k) => k.status === 'new') && two.keys.some((k) => k.status === 'gone'), JSON.stringify(two.keys));
  const pct = Math.abs(Number(two.totals[0].percent));
  assert.ok(pct >= 5, `the demo's months differ: ${two.totals[0].percent}`);
  console.log(`${prefix} two months: ${(await app.widget('ap.compare.total.EUR')).label}`);
  await app.screenshot(`${prefix}-compare-months`);
  await app.click('ap.compare.close');

  // This month: the month-end forecast per currency.
  await app.click('ap.preset.this_month');
  await app.click('ap.fetch');
  s = await app.waitForState((x) => !ap(x).busy && ap(x).insights.forecast?.status &&
    ap(x).form.date_from.endsWith('-01') && ap(x).insights.forecast.status !== 'outside_period',
  { what: 'this month fetched', timeout: 30000 });
  const f = ap(s).insights.forecast;
  assert.ok(f.currencies.length >= 1, JSON.stringify(f));
  for (const cur of f.currencies) {
    assert.match(cur.sentence, /^(At the (last 7 days'|average) rate the month ends at about [\d,.]+ [A-Z]{3} \(|Too little data)/);
    assert.equal((await app.widget(`ap.forecast.${cur.currency}`)).label, cur.sentence);
    console.log(`${prefix} forecast: ${cur.sentence}`);
  }
  await app.click('ap.forecast.how');
  await app.screenshot(`${prefix}-forecast`);
}

test('fake servers: the same insights over real HTTP', async () => {
  const { context, page, app, errors } = await openApp(browser, site.url, { height: 1400 });
  await app.click('nav.settings');
  await app.fill('settings.particle_url', particleApi());
  await app.click('settings.save');
  await app.click('nav.particle');
  // The storage origin answers CORS, as a reachable download needs (see particle.test.mjs).
  await fetch(`${particleApi()}/__fake/config`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ download_cors: true }) });
  const r = await fetch(`${particleApi()}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username: 'demo@usagedesk.test', password: 'demo',
      client_id: 'particle', client_secret: 'particle' }),
  });
  const token = (await r.json()).access_token;
  await app.fill('particle.token', token);
  await app.page.keyboard.press('Enter');
  await app.waitForState((x) => p(x).login.session === 'signed_in' && p(x).agreements.loaded, { what: 'signed in' });
  const advance = () => fetch(`${particleApi()}/__fake/advance?seconds=600`, { method: 'POST' });
  await requestAndOpen(app, { advance });
  await checkParticleForecast(app, 'insights-fake-particle-forecast');
  await checkViewerSpikes(app, 'insights-fake-viewer-spikes');

  await app.click('nav.activeplatform');
  await app.fill('ap.base_url', apFake.urls[0]);
  await app.fill('ap.token', 'demo-manager-token');
  await app.fill('ap.subscription', '70112');
  await app.click('ap.preset.last_month');
  await app.click('ap.fetch');
  await app.waitForState((x) => !ap(x).busy && ap(x).has_report, { what: 'fetched from the fake', timeout: 30000 });
  await walkActivePlatform(app, page, 'insights-fake-ap');
  assert.deepEqual(errors, []);
  await context.close();
});
