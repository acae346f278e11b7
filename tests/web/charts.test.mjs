// Charts in the real page: the demo report's time series (stacked by product)
// and top-N bars, hover tooltips with exact values, "Save chart as PNG", dark
// theme, and the ActivePlatform demo's daily stacked cost chart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, openApp, screenshotDir } from './harness.mjs';

let site, browser;
before(async () => { site = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); site?.close(); });

const chart = (s) => s.viewer.chart;

// The PNG's signature and its IHDR width and height.
function pngInfo(bytes) {
  assert.ok(bytes.length > 24, `a PNG of ${bytes.length} bytes`);
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), bytes: bytes.length };
}

async function savePng(page, app, widget) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), app.click(widget)]);
  const bytes = fs.readFileSync(await dl.path());
  fs.mkdirSync(screenshotDir, { recursive: true });
  fs.writeFileSync(path.join(screenshotDir, `saved-${dl.suggestedFilename()}`), bytes);  // to look at
  return { name: dl.suggestedFilename(), ...pngInfo(bytes) };
}

// A figure, not an assertion: wall time per drawn frame while the mouse sweeps the plot.
async function sweepMs(page, app, id) {
  const plot = await app.widget(`${id}.plot`);
  const frames0 = await app.frames();
  const t0 = Date.now();
  for (let i = 0; i < 40; ++i) await page.mouse.move(plot.x + (i + 0.5) * plot.w / 40, plot.y + plot.h / 2);
  await app.settle(60);
  const frames = (await app.frames()) - frames0;
  return `${frames} frames in ${Date.now() - t0} ms (SwiftShader, settle included)`;
}

async function openDemoReportChart(app) {
  await app.click('nav.viewer');
  await app.click('viewer.demo');
  await app.waitForState((s) => s.viewer.has_table, { what: 'demo report loaded', timeout: 60000 });
  await app.click('viewer.view.chart');
  return app.waitForState((s) => chart(s).shown && chart(s).day_count > 0, { what: 'time series' });
}

test('demo report: time series stacked by product, exact hover, PNG; then top-N bars', async () => {
  const { context, page, app, errors } = await openApp(browser, site.url);
  let s = await openDemoReportChart(app);
  const c = chart(s);
  assert.equal(c.kind, 'time_series');
  assert.equal(s.viewer.table.columns[c.value_column].name, 'data_operations');
  assert.equal(s.viewer.table.columns[c.key_column].name, 'product_name');
  assert.ok(c.keys.length >= 2 && c.keys.length <= 9, `keys ${c.keys}`);
  await app.screenshot('chart-viewer-timeseries');

  const day = Math.min(3, c.day_count - 1);
  const tip = await app.hoverChart('viewer.chart', day, c.day_count);
  const iso = new Date(Date.parse(c.first_day) + day * 86400000).toISOString().slice(0, 10);
  assert.match(tip, new RegExp(`^${iso}\\n`));
  assert.ok(tip.includes(`Total: ${c.totals[day]}\n`), `tooltip "${tip}" has total ${c.totals[day]}`);
  assert.ok(/^[\d,]+$/.test(c.totals[day]), 'counts are whole numbers with separators');
  await app.screenshot('chart-viewer-timeseries-hover');
  console.log(`hover sweep: ${await sweepMs(page, app, 'viewer.chart')}`);
  await page.mouse.move(5, 5);

  const png = await savePng(page, app, 'viewer.chart.png');
  assert.equal(png.name, 'demo-report-daily.png');
  const plot = await app.widget('viewer.chart.plot');
  assert.ok(png.width > plot.w && png.width < plot.w + 400, `PNG ${png.width}x${png.height}`);
  assert.ok(png.height >= 300 && png.bytes > 5000, `PNG ${png.width}x${png.height}, ${png.bytes} bytes`);
  console.log(`time series PNG: ${png.width}x${png.height}, ${png.bytes} bytes`);
  s = await app.waitForState((st) => /Saved demo-report-daily\.png/.test(st.notice), { what: 'notice' });

  await app.click('viewer.chart.kind');
  await app.click('viewer.chart.kind.1');
  s = await app.waitForState((st) => chart(st).kind === 'top_bars' && chart(st).keys?.length > 0, { what: 'bars' });
  await app.screenshot('chart-viewer-top-products');
  const bars = chart(s);
  const barTip = await app.hoverChart('viewer.chart', 0, bars.keys.length, { horizontal: true });
  assert.equal(barTip, `${bars.keys[0]}\n${bars.totals[0]}`);
  await page.mouse.move(5, 5);

  await app.click('viewer.chart.key');
  await app.click(`viewer.chart.key.${s.viewer.table.columns.findIndex((col) => col.name === 'device_name')}`);
  s = await app.waitForState((st) => chart(st).keys?.at(-1) === 'Other', { what: 'bars by device with Other' });
  await app.screenshot('chart-viewer-top-devices');
  const barPng = await savePng(page, app, 'viewer.chart.png');
  assert.equal(barPng.name, 'demo-report-top.png');
  assert.ok(barPng.bytes > 3000);

  // The chart follows the table's filter.
  await app.click('viewer.view.table');
  await app.fill('viewer.table.filter.4', 'Tracker');
  await app.waitForState((st) => st.viewer.table.shown_rows < st.viewer.table.total_rows, { what: 'filtered' });
  await app.click('viewer.view.chart');
  s = await app.waitForState((st) => chart(st).shown && chart(st).keys?.length > 0, { what: 'filtered chart' });
  assert.ok(chart(s).keys.every((k) => k === 'Other' || k.startsWith('sensor-') || k.startsWith('pump')));
  assert.deepEqual(errors, []);
  await context.close();
});

test('dark theme: the time series reads on a dark background', async () => {
  const { context, page, app, errors } = await openApp(browser, site.url);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await page.waitForFunction(() => window.usagedesk && window.usagedesk.ready(), null, { timeout: 30000 });
  await app.settle();
  let s = await app.state();
  assert.equal(s.dark_theme, true);
  s = await openDemoReportChart(app);
  const c = chart(s);
  await app.hoverChart('viewer.chart', 1, c.day_count);
  await app.screenshot('chart-viewer-timeseries-dark');
  await page.mouse.move(5, 5);
  await app.click('viewer.chart.kind');
  await app.click('viewer.chart.kind.1');
  await app.waitForState((st) => chart(st).kind === 'top_bars' && chart(st).keys?.length > 0, { what: 'bars' });
  await app.screenshot('chart-viewer-top-products-dark');
  assert.deepEqual(errors, []);
  await context.close();
});

test('ActivePlatform demo: daily stacked cost by category, exact money hover, PNG', async () => {
  const { context, page, app, errors } = await openApp(browser, site.url, { height: 1500 });
  await app.click('nav.activeplatform');
  await app.click('ap.demo');
  const s = await app.waitForState((st) => st.demo_mode && st.activeplatform.has_report, { what: 'demo report' });
  assert.ok(s.activeplatform.daily_series >= 1);
  const plot = await app.widget('ap.chart.plot');
  assert.ok(plot.y + plot.h < 1500, `chart on screen: ${JSON.stringify(plot)}`);
  await app.screenshot('chart-activeplatform-daily');

  const tip = await app.hoverChart('ap.chart', 2, 30);
  assert.match(tip, /^\d{4}-\d{2}-\d{2}\nTotal: -?[\d,]+\.\d{2,9} [A-Z]{3}\n/);
  await app.screenshot('chart-activeplatform-daily-hover');
  await page.mouse.move(5, 5);

  const currencies = Object.keys(await app.widgets()).filter((n) => n.startsWith('ap.chart.currency.'));
  if (currencies.length > 1) {
    await app.click(currencies[1]);
    await app.screenshot('chart-activeplatform-daily-second-currency');
  }
  const png = await savePng(page, app, 'ap.chart.png');
  assert.match(png.name, /^activeplatform-daily-[A-Za-z]+\.png$/);
  assert.ok(png.width >= 600 && png.height >= 300 && png.bytes > 5000, `PNG ${png.width}x${png.height}, ${png.bytes} bytes`);
  assert.deepEqual(errors, []);
  await context.close();
});
