// Smoke test for the app shell: loads dist/, checks the canvas draws, the page
// goes idle, text typed with real key events lands in a field, paste works,
// and the canvas follows the window at HiDPI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openApp } from './harness.mjs';

let site, browser;
before(async () => { site = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); site?.close(); });

// Counts distinct colours in a real screenshot of the page (WebGL canvases
// cannot be read back after compositing): a blank canvas has one or two.
async function distinctColours(page) {
  const png = (await page.screenshot()).toString('base64');
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set();
    for (let i = 0; i < d.length; i += 4) colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    return colours.size;
  }, png);
}

test('page loads without console errors and draws the shell', async () => {
  const { context, page, app, errors } = await openApp(browser, site.url);
  assert.ok(await distinctColours(page) > 20, 'canvas should show more than a flat colour');
  const w = await app.widgets();
  for (const name of ['nav.particle', 'nav.activeplatform', 'nav.viewer', 'nav.settings']) assert.ok(w[name], name);
  await app.screenshot('shell-1280x800');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an idle page draws no frames', async () => {
  const { context, page, app } = await openApp(browser, site.url);
  await app.settle(300);
  const before = await app.frames();
  await page.waitForTimeout(2000);
  const idle = (await app.frames()) - before;
  console.log(`frames drawn while idle for 2 s: ${idle}`);
  assert.equal(idle, 0);
  // ...and it wakes for input.
  await page.mouse.move(100, 150);
  await page.mouse.move(110, 160);
  await app.settle();
  assert.ok((await app.frames()) > before, 'mouse input should draw frames');
  await context.close();
});

test('typing into a field through the hook rectangles updates the app', async () => {
  const { context, page, app, errors } = await openApp(browser, site.url);
  await app.click('nav.settings');
  await app.waitForState((s) => s.section === 'settings');
  await app.fill('settings.particle_url', 'http://127.0.0.1:9101');
  await app.click('settings.save');
  const s = await app.waitForState((st) => st.settings.particle_base_url === 'http://127.0.0.1:9101');
  assert.match(s.notice, /saved/i);
  const saved = await page.evaluate(() => localStorage.getItem('usagedesk.settings'));
  assert.match(saved, /127\.0\.0\.1:9101/);
  // Each click is one press (the hook's count lets app.click() retry a press the layout moved away from).
  assert.equal((await app.widgets())['settings.save'].presses, 1);
  // A bad address is refused inline and nothing is saved.
  await app.fill('settings.particle_url', 'ftp://nope');
  await app.click('settings.save');
  assert.equal((await app.widgets())['settings.save'].presses, 2);
  await app.screenshot('settings-invalid-url');
  assert.equal((await app.state()).settings.particle_base_url, 'http://127.0.0.1:9101');
  // Paste from the system clipboard (the DOM paste event) lands in the focused field.
  await app.fill('settings.activeplatform_url', '');
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', '/proxy/ap/');
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
  });
  await app.settle();
  await app.click('settings.particle_url');  // leave the field so its text is committed
  await app.fill('settings.particle_url', 'http://127.0.0.1:9101');
  await app.click('settings.save');
  await app.waitForState((st) => st.settings.activeplatform_base_url === '/proxy/ap/', { what: 'pasted URL saved' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the canvas fills the window and follows resizes at devicePixelRatio 2', async () => {
  const { context, page, app } = await openApp(browser, site.url, { width: 800, height: 600, scale: 2 });
  const size = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { cw: c.width, ch: c.height, css: c.getBoundingClientRect().width };
  });
  assert.equal(size.css, 800);
  assert.equal(size.cw, 1600, 'backing store should be sized by devicePixelRatio');
  await app.screenshot('shell-800x600-dpr2');
  await page.setViewportSize({ width: 1000, height: 700 });
  await app.settle();
  const after = await page.evaluate(() => document.getElementById('canvas').width);
  assert.equal(after, 2000);
  const w = await app.widgets();
  assert.ok(w['nav.settings'].x < 1000);
  await context.close();
});
