// Viewer at scale in the real page: a generated 2,000,000-row report CSV
// (about 120 MB) opened through the file picker streams into the table; the
// row count and the exact total of data_operations (group-by's Total row) must
// match what the generator wrote; the same file opened while another section
// is shown brings the Viewer up with its progress as it reads. Checks counts,
// sums and what is shown, never timings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDist, launch, openApp, repoRoot } from './harness.mjs';

const kRows = 2_000_000;
const kDevices = 5000;
const kProducts = ['Tracker One', 'Boron LTE fleet', 'Café sensors', '"Pumps, north"', '"Argon ""beta"""', 'Monitor One'];

// Report-shaped rows (one per device per day), deterministic; returns the
// file's path and the sum of data_operations it holds.
function writeReport(file) {
  const fd = fs.openSync(file, 'w');
  let sum = 0;
  let lines = ['date,device_id,device_name,product_id,product_name,data_operations'];
  const day0 = Date.UTC(2024, 0, 1);
  // Everything but the date and the count is the device's: built once.
  const middle = Array.from({ length: kDevices }, (_, d) => `,e00f${d.toString(16).padStart(8, '0')},sensor-${d},` +
    `${10000 + d % kProducts.length},${kProducts[d % kProducts.length]},`);
  let date = '';
  for (let i = 0; i < kRows; ++i) {
    const device = i % kDevices;
    if (device === 0) date = new Date(day0 + (i / kDevices) * 86400000).toISOString().slice(0, 10);
    const ops = (i * 7919 + device * 31) % 5000;
    sum += ops;
    lines.push(date + middle[device] + ops);
    if (lines.length === 100000) {
      fs.writeSync(fd, lines.join('\n') + '\n');
      lines = [];
    }
  }
  if (lines.length) fs.writeSync(fd, lines.join('\n') + '\n');
  fs.closeSync(fd);
  return sum;
}

let site, browser, dir, file, expectedSum;
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ud-big-'));
  file = path.join(dir, 'report-2m.csv');
  expectedSum = writeReport(file);
  site = await serveDist();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  site?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('2M-row report through the file picker: every row, exact total', { timeout: 300000 }, async () => {
  const { context, page, app, errors } = await openApp(browser, site.url);
  await app.click('nav.viewer');
  await app.waitForState((s) => s.section === 'viewer');
  const chooser = page.waitForEvent('filechooser', { timeout: 5000 }).catch(() => null);
  await app.click('viewer.open');
  const fc = await chooser;
  if (fc) await fc.setFiles(file);
  else await page.setInputFiles('#file-input', file);

  let s = await app.waitForState((st) => st.viewer.has_table && !st.viewer.loading,
    { timeout: 240000, what: '2M rows loaded' });
  assert.equal(s.viewer.load_error, '');
  assert.equal(s.viewer.file_name, 'report-2m.csv');
  assert.equal(s.viewer.table.total_rows, kRows);
  assert.equal(s.viewer.issue_count, 0);
  assert.deepEqual(s.viewer.table.columns.map((c) => c.type), ['date', 'text', 'text', 'integer', 'text', 'integer']);
  // The app's state says "loaded" at the last chunk; the page records the load
  // one animation frame later (the table drawn), so wait for that record.
  const load = await (await page.waitForFunction(() => window.usagedesk.lastFileLoad(), null,
    { timeout: 30000, polling: 100 })).jsonValue();
  assert.equal(load.bytes, fs.statSync(file).size);
  // The WASM memory never shrinks: what it grew to is the load's peak. The page
  // grows it once, to what the table will need plus its read buffer (it had a
  // flat 64 MB of room: 1.2x the CSV here, 1.6x at 1M rows).
  const memory = await page.evaluate(() => HEAPU8.length);
  assert.ok(memory <= load.bytes, `WASM memory ${memory} B after a ${load.bytes} B CSV`);

  await app.click('viewer.group.key1');
  await app.click('viewer.group.key1.4');  // product_name
  s = await app.waitForState((st) => st.viewer.grouped && st.viewer.group?.total_rows === kProducts.length,
    { timeout: 60000, what: 'grouped by product' });
  const total = s.viewer.group_totals.first_rows[0];
  assert.equal(total[0], 'Total');
  assert.equal(total[1].replace(/,/g, ''), String(kRows));
  assert.equal(total[total.length - 1].replace(/,/g, ''), String(expectedSum));
  await app.screenshot('viewer-2m-grouped');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a file changed on disk while it is read: the load stops and says why, the table shown before stays', { timeout: 120000 }, async () => {
  const { context, page, app, errors } = await openApp(browser, site.url);
  await app.click('nav.viewer');
  await page.setInputFiles('#file-input', path.join(repoRoot, 'tests/fixtures/viewer/usage_small.csv'));
  await app.waitForState((st) => st.viewer.has_table && !st.viewer.loading && st.viewer.table.total_rows === 6,
    { what: 'the small table' });
  const changing = path.join(dir, 'changing.csv');
  fs.copyFileSync(file, changing);
  await page.setInputFiles('#file-input', changing);
  await app.waitForState((st) => st.viewer.loading, { what: 'reading' });
  fs.truncateSync(changing, 1000);  // the browser refuses to read a file changed since it was chosen
  const s = await app.waitForState((st) => !st.viewer.loading && st.viewer.load_error !== '',
    { timeout: 60000, what: 'the read failure' });
  assert.equal(s.viewer.load_error,
    'Could not read changing.csv: it changed or went away while it was being read. What was shown before is kept.');
  assert.equal(s.viewer.file_name, 'usage_small.csv');
  assert.equal(s.viewer.table.total_rows, 6);
  await app.screenshot('viewer-read-failed');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a file opened while another section is shown: the Viewer shows its progress as it reads', { timeout: 300000 }, async () => {
  const { context, page, app, errors } = await openApp(browser, site.url);
  let s = await app.state();
  assert.notEqual(s.section, 'viewer', 'the page opens on another section');
  await page.setInputFiles('#file-input', file);  // as a drop on that section does: the page's file input
  s = await app.waitForState((st) => st.viewer.loading && st.viewer.load.bytes > 0,
    { timeout: 60000, what: 'the load under way' });
  assert.equal(s.section, 'viewer', 'the progress is drawn in the Viewer while the file is read');
  assert.ok(s.viewer.load.bytes < s.viewer.load.total_bytes);
  assert.equal(s.viewer.load.total_bytes, fs.statSync(file).size);
  await app.screenshot('viewer-2m-loading');
  s = await app.waitForState((st) => st.viewer.has_table && !st.viewer.loading, { timeout: 240000, what: '2M rows loaded' });
  assert.equal(s.viewer.table.total_rows, kRows);
  assert.deepEqual(errors, []);
  await context.close();
});
