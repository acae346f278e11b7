// Live display changes without a reload: a devicePixelRatio change (browser zoom,
// another screen) re-rasterises the font and resizes the canvas backing store;
// the system colour scheme switches the theme unless Settings fixed one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, openApp, screenshotDir } from './harness.mjs';

let site, browser;
before(async () => { site = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); site?.close(); });

const backingStore = (page) => page.evaluate(() => {
  const c = document.getElementById('canvas');
  return { w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight, dpr: window.devicePixelRatio };
});

test('a devicePixelRatio change keeps text crisp: font and backing store follow at once', async () => {
  const { context, page, app, errors } = await openApp(browser, site.url, { width: 1000, height: 700 });
  let b = await backingStore(page);
  assert.deepEqual([b.w, b.h, b.dpr], [1000, 700, 1]);
  assert.equal(await page.evaluate(() => window.usagedesk.fontPixelRatio()), 1);
  assert.equal((await app.state()).pixel_ratio, 1);

  // Browser zoom to 200 %: the CSS viewport halves and the ratio doubles (DevTools'
  // emulation, which fires resize and the resolution media query as zoom does).
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 500, height: 350, deviceScaleFactor: 2, mobile: false });
  await page.waitForFunction(() => window.usagedesk.fontPixelRatio() === 2, null, { timeout: 5000 });
  await app.settle();
  b = await backingStore(page);
  assert.deepEqual([b.w, b.h, b.cssW, b.cssH, b.dpr], [1000, 700, 500, 350, 2], 'backing store is CSS size x ratio');
  assert.equal((await app.state()).pixel_ratio, 2);
  // 500 CSS px is a phone's width: the sections are behind the menu button (ui::kNarrowWidth).
  const nav = await app.widget('nav.menu');
  assert.ok(nav.w > 40 && nav.x + nav.w < 500, 'widgets stay in CSS pixels');
  // Through DevTools: Playwright's own screenshot would restore its viewport emulation.
  const shot = await cdp.send('Page.captureScreenshot', { format: 'png' });
  fs.mkdirSync(screenshotDir, { recursive: true });
  fs.writeFileSync(path.join(screenshotDir, 'display-zoom-200.png'), Buffer.from(shot.data, 'base64'));

  // The window moves to a screen with ratio 1.5.
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1000, height: 700, deviceScaleFactor: 1.5, mobile: false });
  await page.waitForFunction(() => window.usagedesk.fontPixelRatio() === 1.5, null, { timeout: 5000 });
  await app.settle();
  b = await backingStore(page);
  assert.deepEqual([b.w, b.h, b.cssW, b.cssH], [1500, 1050, 1000, 700]);
  await app.click('nav.settings');  // still clickable where the hook says
  assert.equal((await app.state()).section, 'settings');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the system colour scheme switches the theme, unless Settings chose one', async () => {
  const { context, page, app, errors } = await openApp(browser, site.url);
  await page.emulateMedia({ colorScheme: 'dark' });
  let s = await app.waitForState((x) => x.dark_theme, { what: 'dark from the system' });
  assert.equal(s.settings.theme, 'system');
  await page.emulateMedia({ colorScheme: 'light' });
  await app.waitForState((x) => !x.dark_theme, { what: 'light from the system' });

  await app.click('nav.settings');
  await app.click('settings.theme.dark');
  s = await app.waitForState((x) => x.dark_theme && x.settings.theme === 'dark', { what: 'dark chosen' });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.emulateMedia({ colorScheme: 'light' });
  await app.settle();
  assert.equal((await app.state()).dark_theme, true, 'a chosen theme stays');
  await app.screenshot('display-settings-dark');
  const saved = await page.evaluate(() => localStorage.getItem('usagedesk.settings'));
  assert.match(saved, /"theme":"dark"/);

  await app.click('settings.theme.system');
  await app.waitForState((x) => !x.dark_theme && x.settings.theme === 'system', { what: 'back to the system' });
  assert.deepEqual(errors, []);
  await context.close();
});

// The loading screen, before the WASM runs: the theme chosen in Settings
// (web/boot.js reads it from localStorage before the first paint), or else the
// system's scheme, so a dark-theme person gets no light flash. The app's
// download is held back, so the loading screen is what is on the page.
async function loadingScreen(colorScheme, theme) {
  const context = await browser.newContext({ colorScheme, serviceWorkers: 'block' });
  if (theme) {
    await context.addInitScript((t) =>
      localStorage.setItem('usagedesk.settings', JSON.stringify({ version: 1, theme: t })), theme);
  }
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/app.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(site.url, { waitUntil: 'domcontentloaded' });
  const seen = await page.evaluate(() => ({
    visible: getComputedStyle(document.getElementById('loading')).display !== 'none',
    ready: window.usagedesk.ready(),
    background: getComputedStyle(document.getElementById('loading')).backgroundColor,
  }));
  if (theme === 'dark') await page.screenshot({ path: path.join(screenshotDir, 'display-loading-dark.png') });
  release();
  await page.waitForFunction(() => window.usagedesk && window.usagedesk.ready(), null, { timeout: 30000 });
  seen.app_dark = (await page.evaluate(() => window.usagedesk.state())).dark_theme;
  await context.close();
  return { ...seen, errors };
}

test('the loading screen follows the Settings theme, or else the system scheme (no light flash)', async () => {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const kDark = 'rgb(15, 15, 16)', kLight = 'rgb(247, 247, 249)';
  for (const [scheme, theme, want] of [['dark', null, kDark], ['light', null, kLight], ['light', 'dark', kDark],
    ['dark', 'light', kLight], ['dark', 'system', kDark]]) {
    const seen = await loadingScreen(scheme, theme);
    const what = `system ${scheme}, Settings ${theme || 'never saved'}`;
    assert.ok(seen.visible && !seen.ready, `${what}: the loading screen is up before the app runs`);
    assert.equal(seen.background, want, `${what}: the loading screen's background`);
    assert.equal(seen.app_dark, want === kDark, `${what}: the app then draws the same theme`);
    assert.deepEqual(seen.errors, [], `${what}: no errors, no CSP violation (boot.js is a file, not inline)`);
  }
});
