// Viewer section in the real page: open a CSV through the file picker and
// another by a simulated drop, sort, filter, group, export (bytes compared),
// parse issues with keep/skip, and the 50k-row demo report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDist, launch, openApp, repoRoot } from './harness.mjs';

const fixtures = path.join(repoRoot, 'tests/fixtures/viewer');
let site, browser;
before(async () => { site = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); site?.close(); });

const viewer = (s) => s.viewer;

async function openThroughPicker(page, app, file) {
  const chooser = page.waitForEvent('filechooser', { timeout: 5000 }).catch(() => null);
  await app.click('viewer.open');
  const fc = await chooser;
  if (fc) await fc.setFiles(file);
  else await page.setInputFiles('#file-input', file);  // picker opened without an event: feed the input
}

async function dropFile(page, file) {
  const text = fs.readFileSync(file, 'utf8');
  await page.evaluate(([name, body]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([body], name, { type: 'text/csv' }));
    const canvas = document.getElementById('canvas');
    canvas.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    canvas.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [path.basename(file), text]);
}

async function download(page, app, name) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), app.click(name)]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(file, 'utf8') };
}

test('picker file: sort, filter, export, group, export grouped', async () => {
  const { context, page, app, errors } = await openApp(browser, site.url);
  await app.click('nav.viewer');
  await app.waitForState((s) => s.section === 'viewer');
  await app.screenshot('viewer-empty');

  await openThroughPicker(page, app, path.join(fixtures, 'usage_small.csv'));
  let s = await app.waitForState((st) => viewer(st).has_table, { what: 'table loaded' });
  assert.equal(viewer(s).file_name, 'usage_small.csv');
  assert.equal(viewer(s).table.total_rows, 6);
  assert.equal(viewer(s).table.columns.length, 5);

  await app.click('viewer.table.header.4');  // data_operations ascending
  s = await app.waitForState((st) => viewer(st).table.sort.length === 1);
  assert.equal(viewer(s).table.first_rows[0][4], '3');
  await app.click('viewer.table.header.4');  // descending
  s = await app.waitForState((st) => viewer(st).table.sort[0]?.descending === true);
  assert.equal(viewer(s).table.first_rows[0][4], '50');

  await app.fill('viewer.table.filter.2', 'pump');
  s = await app.waitForState((st) => viewer(st).table.shown_rows === 3, { what: 'filter applied' });
  await app.screenshot('viewer-sorted-filtered');

  const view = await download(page, app, 'viewer.export');
  assert.equal(view.name, 'usage_small-view.csv');
  assert.equal(view.bytes,
    'date,device_id,device_name,product_id,data_operations\r\n' +
    '2024-01-03,e00fce68a1,"Pump, north",1201,50\r\n' +
    '2024-01-01,e00fce68a1,"Pump, north",1201,40\r\n' +
    '2024-01-02,e00fce68a1,"Pump, north",1201,35\r\n');

  await app.fill('viewer.table.filter.2', '');
  await app.waitForState((st) => viewer(st).table.shown_rows === 6);
  await app.click('viewer.group.key1');
  await app.click('viewer.group.key1.1');  // device_id
  s = await app.waitForState((st) => viewer(st).grouped && viewer(st).group?.total_rows === 3, { what: 'grouped' });
  await app.screenshot('viewer-grouped');
  const grouped = await download(page, app, 'viewer.export');
  assert.equal(grouped.name, 'usage_small-grouped.csv');
  assert.equal(grouped.bytes, 'device_id,Rows,Sum of data_operations\r\n' +
    'e00fce68a1,3,125\r\ne00fce68b2,2,19\r\ne00fce68c3,1,3\r\nTotal,6,147\r\n');
  assert.deepEqual(errors, []);
  await context.close();
});

test('dropped file with a ragged row: issue listed with its line, keep or skip', async () => {
  const { context, page, app, errors } = await openApp(browser, site.url);
  await app.click('nav.viewer');
  await dropFile(page, path.join(fixtures, 'usage_ragged.csv'));
  let s = await app.waitForState((st) => viewer(st).file_name === 'usage_ragged.csv', { what: 'dropped file' });
  assert.equal(viewer(s).issue_count, 1);
  assert.equal(viewer(s).issues[0].line, 3);
  assert.equal(viewer(s).table.total_rows, 3);
  await app.click('viewer.issues');
  await app.screenshot('viewer-issues');
  await app.click('viewer.issues.skip');  // the page reads the file again (the text is not kept)
  s = await app.waitForState((st) => viewer(st).bad_rows === 'skip' && viewer(st).skipped_rows === 1 && !viewer(st).loading);
  assert.equal(viewer(s).table.total_rows, 2);
  assert.equal(viewer(s).skipped_rows, 1);
  await app.click('viewer.issues.keep');
  s = await app.waitForState((st) => viewer(st).bad_rows === 'keep' && viewer(st).skipped_rows === 0 && !viewer(st).loading);
  assert.equal(viewer(s).table.total_rows, 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a column read as text says why in its header tooltip; exponent and 20-digit numbers total exactly', async () => {
  const { context, page, app, errors } = await openApp(browser, site.url);
  await app.click('nav.viewer');
  const file = path.join(os.tmpdir(), 'usagedesk-text-columns.csv');
  fs.writeFileSync(file, 'day,zip,note,amount,ops\n' +
    '2026-11-01,00123,ok,1e3,30000000000000000000\n2026-11-02,00456,n/a,2.5E-2,12345678901234567890123\n');
  await dropFile(page, file);
  let s = await app.waitForState((st) => viewer(st).has_table, { what: 'table loaded' });
  assert.deepEqual(viewer(s).table.columns.map((c) => c.type), ['date', 'text', 'text', 'decimal', 'integer']);
  const reasons = {
    1: /^Read as text: "00123" \(row 1\) has a leading zero that a number would lose\.$/,
    2: /^Read as text: "ok" \(row 1\) is not a number or a date\.$/,
  };
  for (const [col, why] of Object.entries(reasons)) {
    const header = await app.widget(`viewer.table.header.${col}`);
    await page.mouse.move(header.x + header.w / 2, header.y + header.h / 2);
    await app.settle(60);
    const tip = await app.widget(`viewer.table.header.${col}.tooltip`, 5000);
    assert.match(tip.label, why);
    if (col === '1') await app.screenshot('viewer-text-column-tooltip');
  }
  await page.mouse.move(5, 5);
  await app.settle(60);
  assert.equal((await app.widgets())['viewer.table.header.3.tooltip'], undefined, 'a number column has no such tooltip');
  // Grouped by note: the exponent and the integers past 64 bits sum to exact totals.
  await app.click('viewer.group.key1');
  await app.click('viewer.group.key1.2');  // note
  s = await app.waitForState((st) => viewer(st).grouped && viewer(st).group?.total_rows === 2, { what: 'grouped' });
  await app.screenshot('viewer-wide-integers-grouped');
  const grouped = await download(page, app, 'viewer.export');
  assert.equal(grouped.bytes, 'note,Rows,Sum of amount,Sum of ops\r\n' +
    'n/a,1,0.025,12345678901234567890123\r\nok,1,1000.000,30000000000000000000\r\n' +
    'Total,2,1000.025,12375678901234567890123\r\n');
  assert.deepEqual(errors, []);
  await context.close();
});

test('demo report: 50,000 rows stream in with progress, the page stays responsive', async () => {
  const { context, app, errors } = await openApp(browser, site.url);
  await app.click('nav.viewer');
  await app.click('viewer.demo');
  const s = await app.waitForState((st) => viewer(st).has_table, { timeout: 30000, what: 'demo loaded' });
  assert.equal(viewer(s).table.total_rows, 50000);
  await app.click('viewer.table.header.5');
  await app.waitForState((st) => viewer(st).table.sort.length === 1);
  await app.screenshot('viewer-demo');
  assert.deepEqual(errors, []);
  await context.close();
});
