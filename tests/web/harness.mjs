// Shared browser-test harness: serves dist/ on 127.0.0.1, launches Debian's
// Chromium headless (SwiftShader WebGL2), and drives the canvas with real mouse
// and keyboard events through the app's test hook (window.usagedesk).
import { chromium } from 'playwright-core';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');
export const distDir = path.resolve(process.env.UD_DIST || path.join(repoRoot, 'dist'));
export const nativeBuild = process.env.UD_NATIVE_BUILD || path.join(repoRoot, 'build-native');
export const screenshotDir = path.join(here, 'screenshots');

const kMime = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.csv': 'text/csv',
  '.webmanifest': 'application/manifest+json' };

// Same position and size (two readings of a widget's rectangle).
const sameRect = (a, b) => a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;

// A static server for dist/ on an ephemeral loopback port.
export async function serveDist(dir = distDir) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404).end('not found'); return; }
      res.writeHead(200, { 'Content-Type': kMime[path.extname(file)] || 'application/octet-stream',
        'Cache-Control': 'no-store' });
      res.end(data);
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

// Starts a native fake server (tools/<name>) and resolves with the URLs it prints.
export async function startFake(name, args = []) {
  const bin = path.join(nativeBuild, name);
  const proc = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const urls = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start: ${out}`)), 10000);
    proc.stdout.on('data', (d) => {
      out += d;
      const found = [...out.matchAll(/http:\/\/127\.0\.0\.1:\d+[^\s]*/g)].map((m) => m[0]);
      // "ready"; tools/fake-activeplatform prints "serving ... at <url>"; tools/fake-particle
      // ends its list of origins with "control: <url>".
      if (found.length && /ready|serving|control:.*\n/i.test(out)) { clearTimeout(timer); resolve(found); }
    });
    proc.stderr.on('data', (d) => { out += d; });
    proc.on('exit', (c) => { clearTimeout(timer); reject(new Error(`${name} exited ${c}: ${out}`)); });
  });
  return { urls, proc, stop: () => proc.kill() };
}

export const kChromiumArgs = ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

export async function launch() {
  return chromium.launch({ executablePath: process.env.UD_CHROMIUM || '/usr/bin/chromium', headless: true,
    args: kChromiumArgs });
}

// Opens the app in a fresh context; collects console errors and page errors.
// `init` runs in the page before any of its scripts (Playwright addInitScript).
// `clock` (an ISO time) starts the page's clock there and lets it run (Playwright's
// clock): the in-page demo clouds then live on that day.
// `serviceWorkers: 'block'` for a test that routes the page's own files: page.route
// never sees a request the page's service worker (web/sw.js) answers.
// `touch`: a phone's touch screen (hasTouch, isMobile): tap with page.touchscreen or app.tap().
export async function openApp(browser, baseUrl, { width = 1280, height = 800, scale = 1, query = '', init, clock,
  serviceWorkers = 'allow', touch = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: scale,
    acceptDownloads: true, serviceWorkers, hasTouch: touch, isMobile: touch });
  if (init) await context.addInitScript(init);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin });
  const page = await context.newPage();
  if (clock) await page.clock.install({ time: new Date(clock) });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(baseUrl + query);
  await page.waitForFunction(() => window.usagedesk && window.usagedesk.ready(), null, { timeout: 30000 });
  const app = new AppDriver(page);
  await app.settle();
  return { context, page, app, errors };
}

export class AppDriver {
  constructor(page) { this.page = page; }
  state() { return this.page.evaluate(() => window.usagedesk.state()); }
  widgets() { return this.page.evaluate(() => window.usagedesk.widgets()); }
  frames() { return this.page.evaluate(() => window.usagedesk.frames()); }

  // Waits until the app has drawn a few frames and gone idle.
  async settle(ms = 150) {
    let last = await this.frames();
    for (let i = 0; i < 50; ++i) {
      await this.page.waitForTimeout(ms);
      const now = await this.frames();
      if (now === last) return;
      last = now;
    }
  }

  async widget(name, timeout = 10000) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const w = (await this.widgets())[name];
      if (w) return w;
      if (Date.now() > deadline) {
        throw new Error(`widget "${name}" not on screen; have: ${Object.keys(await this.widgets()).join(', ')}`);
      }
      await this.page.waitForTimeout(50);
    }
  }

  async click(name) {
    // Hover first, as a person does: ImGui tabs (AllowItemOverlap) only take a
    // press on an item that was already hovered in the previous frame.
    await this.press(name, (at) => this.page.mouse.move(at.x + at.w / 2, at.y + at.h / 2),
      (at) => this.page.mouse.click(at.x + at.w / 2, at.y + at.h / 2));
  }

  // A finger's tap on widget `name` (a touch screen: openApp(..., { touch: true })).
  async tap(name) {
    await this.press(name, async () => {}, (at) => this.page.touchscreen.tap(at.x + at.w / 2, at.y + at.h / 2));
  }

  // Presses widget `name` with `act` once it stays put (`before` runs before
  // each look). An answer can still move the layout between reading the
  // rectangle and the press. The item counts its presses: a press that did not
  // land on an item that has moved since is tried again (never a second press).
  async press(name, before, act) {
    for (let attempt = 0; ; ++attempt) {
      const w = await this.steady(name, before);
      await act(w);
      await this.settle(60);
      if (w.presses === undefined || !w.enabled || attempt === 2 || await this.pressLanded(name, w)) return;
    }
  }

  // Widget `name` once it stays put between two frames: an answer arriving
  // meanwhile (say, a longer forecast sentence) can push the layout down.
  async steady(name, before = async () => {}) {
    let w = await this.widget(name);
    for (let attempt = 0; attempt < 5; ++attempt) {
      await before(w);
      await this.settle(40);
      const now = await this.widget(name);
      const moved = !sameRect(now, w);
      w = now;
      if (!moved) break;
    }
    return w;
  }

  // False only when the press count of item `clicked` stayed and the item has
  // moved since: the click met whatever the layout had put there instead. Gone
  // counts as landed (the press changed the screen, say a sign-in form).
  async pressLanded(name, clicked, timeout = 300) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const w = (await this.widgets())[name];
      if (!w || w.presses > clicked.presses) return true;
      if (Date.now() > deadline) return sameRect(w, clicked);
      await this.page.waitForTimeout(50);
    }
  }

  // A finger dragged from (x0, y0) to (x1, y1), without stopping (a swipe
  // scrolls; ui/touch_gestures.h). Chromium's touch events through CDP:
  // Playwright's touchscreen only taps.
  async swipe(x0, y0, x1, y1, steps = 10) {
    this.cdp ||= await this.page.context().newCDPSession(this.page);
    const touch = (type, x, y) => this.cdp.send('Input.dispatchTouchEvent',
      { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1 }] });
    await touch('touchStart', x0, y0);
    for (let i = 1; i <= steps; ++i) {
      await touch('touchMove', x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps);
      await this.page.waitForTimeout(16);
    }
    await touch('touchEnd');
    await this.settle(60);
  }

  // Moves the mouse over the centre of day/bar `index` (`count` of them) of chart
  // `id` (its plot widget `${id}.plot`) and returns the tooltip's text.
  async hoverChart(id, index, count, { horizontal = false } = {}) {
    const plot = await this.widget(`${id}.plot`);
    const x = horizontal ? plot.x + plot.w * 0.1 : plot.x + (index + 0.5) * (plot.w / count);
    const y = horizontal ? plot.y + (index + 0.5) * (plot.h / count) : plot.y + plot.h - 3;
    await this.page.mouse.move(x, y);
    await this.settle(60);
    return (await this.widget(`${id}.tooltip`, 5000)).label;
  }

  // Clicks a text field, selects what is there, and types `text` with real key events.
  async fill(name, text) {
    // Type only once the field has the keyboard: on a busy machine a frame may
    // pass between the click and the field becoming active.
    for (let attempt = 0; ; ++attempt) {
      await this.click(name);
      if (await this.waitActive(name)) break;
      if (attempt === 2) throw new Error(`text field "${name}" did not take the keyboard`);
    }
    // Hold Ctrl until a frame has seen Ctrl+A: on a slow machine several key
    // events land in one frame, and the app reads modifiers per event.
    await this.page.keyboard.down('Control');
    await this.page.keyboard.press('a');
    await this.settle(40);
    await this.page.keyboard.up('Control');
    await this.page.keyboard.press('Backspace');
    await this.page.keyboard.type(text, { delay: 5 });
    await this.settle(60);
  }

  async waitActive(name, timeout = 2000) {
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      if ((await this.widgets())[name]?.active) return true;
      await this.page.waitForTimeout(50);
    }
    return false;
  }

  async waitForState(predicate, { timeout = 15000, what = 'state' } = {}) {
    const deadline = Date.now() + timeout;
    let s;
    for (;;) {
      s = await this.state();
      if (predicate(s)) return s;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; state: ${JSON.stringify(s).slice(0, 6000)}`);
      await this.page.waitForTimeout(100);
    }
  }

  async screenshot(name) {
    fs.mkdirSync(screenshotDir, { recursive: true });
    await this.settle(60);
    const file = path.join(screenshotDir, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}
