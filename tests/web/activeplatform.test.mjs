// ActivePlatform section in the real page against the native fake server
// (tools/fake-activeplatform on 127.0.0.1): configure, fetch, table + totals,
// export, one error per major fault, the remaining fault switches (slow,
// dropped, wrong content type, empty body, 429 with its automatic retry, 403,
// 404 for another reseller's subscription), and the in-page demo with no server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveDist, launch, openApp, startFake } from './harness.mjs';

let site, browser, fake, base;
before(async () => {
  site = await serveDist();
  browser = await launch();
  fake = await startFake('fake-activeplatform', ['--port', '0']);
  base = fake.urls[0];
});
after(async () => { await browser?.close(); site?.close(); fake?.stop(); });

const control = (path) => fetch(base + '/__fake/' + path, { method: 'POST' }).then((r) => r.text());
const ap = (s) => s.activeplatform;

async function configure(app, { url = base, token = 'test-manager-token', sub = '70112',
  from = '2024-05-01', to = '2024-05-31' } = {}) {
  await app.fill('ap.base_url', url);
  await app.fill('ap.token', token);
  await app.fill('ap.subscription', sub);
  await app.fill('ap.date_from', from);
  await app.fill('ap.date_to', to);
  // A click can land while a busy machine is still laying out the form: check what the app holds.
  const s = ap(await app.state());
  if (!s.token_present && token) await app.fill('ap.token', token);
  if (s.form.base_url !== url) await app.fill('ap.base_url', url);
}

async function fetchAndWait(app) {
  const before = await app.state();
  await app.click('ap.fetch');
  // A new answer and no retry waiting (429/502/503/504 and network errors are
  // retried by themselves): the fetch's outcome.
  return app.waitForState((s) => !ap(s).busy && !ap(s).retry && ap(s).answers > ap(before).answers,
    { what: 'fetch finished', timeout: 20000 });
}

test('configure, fetch, table and totals, export', async () => {
  await control('reset');
  const { context, page, app, errors } = await openApp(browser, site.url);
  await app.click('nav.activeplatform');
  await configure(app);
  let s = await app.state();
  assert.equal(ap(s).token_present, true);
  assert.ok(!JSON.stringify(s).includes('test-manager-token'), 'token never in the state JSON');
  s = await fetchAndWait(app);
  assert.equal(ap(s).error, null);
  assert.ok(ap(s).table.total_rows > 50, `rows: ${ap(s).table.total_rows}`);
  assert.equal(ap(s).totals.length, 1);
  assert.equal(ap(s).totals[0].currency, 'EUR');
  assert.ok(ap(s).totals[0].by_category.length > 0);
  await app.screenshot('activeplatform-results');

  const [dl] = await Promise.all([page.waitForEvent('download'), app.click('ap.export')]);
  assert.equal(dl.suggestedFilename(), 'activeplatform-70112.csv');
  const csv = fs.readFileSync(await dl.path(), 'utf8');
  const lines = csv.split('\r\n').filter((l) => l.length);
  assert.equal(lines.length, ap(s).table.total_rows + 1);
  assert.match(lines[0], /total/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('errors: validation, 401, 404, 422, 500, malformed JSON, unreachable', async () => {
  await control('reset');
  const { context, app } = await openApp(browser, site.url);
  await app.click('nav.activeplatform');
  await configure(app, { from: '2024-13-01' });
  await app.click('ap.fetch');
  let s = await app.waitForState((st) => ap(st).error?.kind === 'validation', { what: 'validation error' });
  assert.ok(ap(s).field_errors.some((e) => e.field === 'date_from'));
  await app.screenshot('activeplatform-validation');
  await app.fill('ap.date_from', '2024-05-01');

  const cases = [
    { name: '401', setup: async () => app.fill('ap.token', 'wrong-token'), status: 401,
      undo: async () => app.fill('ap.token', 'test-manager-token') },
    { name: '404', setup: async () => app.fill('ap.subscription', '99999'), status: 404,
      undo: async () => app.fill('ap.subscription', '70112') },
    { name: '422', setup: async () => control('config?max_days=10'), status: 422, undo: async () => control('reset') },
    { name: '500', setup: async () => control('fault?kind=status&status=500&count=1'), status: 500 },
    { name: 'json', setup: async () => control('fault?kind=invalid_json&count=1'), kind: 'parse' },
  ];
  for (const c of cases) {
    await c.setup();
    s = await fetchAndWait(app);
    assert.ok(ap(s).error, `${c.name}: expected an error`);
    if (c.status) assert.equal(ap(s).error.status, c.status, `${c.name}: ${JSON.stringify(ap(s).error)}`);
    if (c.kind) assert.equal(ap(s).error.kind, c.kind, `${c.name}: ${JSON.stringify(ap(s).error)}`);
    assert.ok(ap(s).error.message.length > 10);
    console.log(`${c.name}: ${ap(s).error.message}`);
    if (c.name === '401') await app.screenshot('activeplatform-401');
    if (c.undo) await c.undo();
  }
  await app.fill('ap.base_url', 'http://127.0.0.1:1');
  s = await fetchAndWait(app);
  assert.equal(ap(s).error.status, 0);
  assert.match(ap(s).error.message, /cross-origin|reach|network/i);
  console.log(`status 0: ${ap(s).error.message}`);
  await app.screenshot('activeplatform-unreachable');
  await context.close();
});

test('slow answer shows busy, then the result; 429 counts down and retries by itself', async () => {
  await control('reset');
  const { context, app, errors } = await openApp(browser, site.url);
  await app.click('nav.activeplatform');
  await configure(app);
  await control('fault?kind=latency&delay_ms=4000&count=1');
  // Pressed without app.click's settle afterwards: while busy the spinner keeps
  // frames coming, and on a loaded machine that settle outlasts the slow answer.
  const fetchAt = await app.widget('ap.fetch');
  await app.page.mouse.move(fetchAt.x + fetchAt.w / 2, fetchAt.y + fetchAt.h / 2);
  await app.settle(40);
  await app.page.mouse.click(fetchAt.x + fetchAt.w / 2, fetchAt.y + fetchAt.h / 2);
  let s = await app.waitForState((st) => ap(st).busy, { what: 'busy while the server is slow' });
  const fetchButton = await app.widget('ap.fetch');
  assert.equal(fetchButton.label, 'Fetching...');
  assert.equal(fetchButton.enabled, false, 'Fetch is disabled while one is in flight');
  await app.screenshot('activeplatform-slow-busy');
  s = await app.waitForState((st) => !ap(st).busy && ap(st).has_report, { what: 'slow result', timeout: 20000 });
  assert.equal(ap(s).error, null);
  const rows = ap(s).table.total_rows;

  await control('fault?kind=status&status=429&retry_after=3&count=1');
  await app.click('ap.fetch');
  const line = await app.widget('ap.retry');
  assert.match(line.label, /^Rate limited by the server; retrying in [1-3] s \(attempt 1 of 3\)$/);
  s = await app.state();
  assert.equal(ap(s).error, null, 'no error while a retry is waiting');
  assert.equal(ap(s).has_report, true, 'earlier results stay on screen');
  assert.equal(ap(s).table.total_rows, rows);
  await app.widget('ap.retry.cancel');
  await app.screenshot('activeplatform-429-countdown');
  // No input from here on: the page must wake itself for the countdown and the retry.
  for (let i = 0; i < 150 && (await app.widgets())['ap.retry']; ++i) await app.page.waitForTimeout(100);
  await app.waitForState((st) => !ap(st).busy, { what: 'retry answered', timeout: 20000 });
  assert.equal((await app.widgets())['ap.retry'], undefined, 'countdown gone after the retry');
  const counts = JSON.parse(await control('counts'));
  assert.equal(counts.analytics_daily, 3, `requests: ${JSON.stringify(counts)}`);
  assert.equal(ap(await app.state()).error, null);
  await app.screenshot('activeplatform-429-retried');

  // Cancel stops the countdown and sends nothing more.
  await control('fault?kind=status&status=503&retry_after=30&count=1');
  await app.click('ap.fetch');
  await app.widget('ap.retry');
  assert.match((await app.widgets())['ap.retry'].label, /^The server is busy; retrying in \d+ s \(attempt 1 of 3\)$/);
  await app.click('ap.retry.cancel');
  await app.settle();
  assert.equal((await app.widgets())['ap.retry'], undefined);
  assert.equal(JSON.parse(await control('counts')).analytics_daily, 4);
  // Chromium logs every 4xx/5xx fetch as a console error; anything else would be the app's.
  assert.deepEqual(errors.filter((e) => !e.startsWith('Failed to load resource')), []);
  await context.close();
});

test('dropped connection, wrong content type, empty body, 403, 404', async () => {
  await control('reset');
  const { context, app } = await openApp(browser, site.url);
  await app.click('nav.activeplatform');
  await configure(app);
  let s = await fetchAndWait(app);
  assert.equal(ap(s).error, null);

  // A dropped connection is a network error: retried by itself, with the countdown line.
  await control('fault?kind=drop_before_headers&count=1');
  await app.click('ap.fetch');
  s = await app.waitForState((st) => ap(st).retry?.status === 0, { what: 'retry after a dropped connection' });
  assert.match(ap(s).retry.line, /^Could not reach the server; retrying in [12] s \(attempt 1 of 3\)$/);
  assert.equal(ap(s).has_report, true, 'earlier results stay while it waits');
  await app.screenshot('activeplatform-dropped');
  s = await app.waitForState((st) => !ap(st).busy && !ap(st).retry, { what: 'retried after the drop' });
  assert.equal(ap(s).error, null, JSON.stringify(ap(s).error));

  // The body is the documented JSON; a wrong Content-Type alone does not stop reading it.
  await control('fault?kind=wrong_content_type&count=1');
  s = await fetchAndWait(app);
  assert.equal(ap(s).error, null, JSON.stringify(ap(s).error));
  assert.ok(ap(s).table.total_rows > 50);

  await control('fault?kind=empty_body&count=1');
  s = await fetchAndWait(app);
  assert.equal(ap(s).error?.kind, 'parse', JSON.stringify(ap(s).error));
  console.log(`empty body: ${ap(s).error.message}`);
  await app.screenshot('activeplatform-empty-body');

  await control('config?unknown_token=403');
  await app.fill('ap.token', 'wrong-token');
  s = await fetchAndWait(app);
  assert.equal(ap(s).error?.status, 403, JSON.stringify(ap(s).error));
  console.log(`403: ${ap(s).error.message}`);
  await app.screenshot('activeplatform-403');
  await app.fill('ap.token', 'test-manager-token');

  await app.fill('ap.subscription', '80001');  // another reseller's subscription
  s = await fetchAndWait(app);
  assert.equal(ap(s).error?.status, 404, JSON.stringify(ap(s).error));
  console.log(`404: ${ap(s).error.message}`);
  await context.close();
});

test('the demo works with no server', async () => {
  const { context, app, errors } = await openApp(browser, site.url);
  await app.click('nav.activeplatform');
  await app.click('ap.demo');
  const s = await app.waitForState((st) => st.demo_mode && ap(st).has_report, { what: 'demo report' });
  assert.ok(ap(s).table.total_rows > 0);
  assert.ok(ap(s).totals.length >= 1);
  await app.screenshot('activeplatform-demo');
  assert.deepEqual(errors, []);
  await context.close();
});
