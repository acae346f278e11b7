// Real DOM inputs over ImGui's text fields (ui::textField, web/usagedesk.js):
// the Particle login is a <form> with autocomplete names, which autofill fills
// the way password managers do (value + input event) and Enter signs in against
// tools/fake-particle, password then one-time code; the inputs change nothing on
// screen; a tap on a touch screen focuses the field's input (the on-screen
// keyboard opens) and a touch keyboard types into it; an input method composes
// text; paste and copy still work.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { serveDist, launch, openApp, startFake, screenshotDir } from './harness.mjs';

let site, browser, fake, api;
before(async () => {
  site = await serveDist();
  browser = await launch();
  fake = await startFake('fake-particle', ['--port', '0', '--download-port', '0']);
  [api] = fake.urls;
});
after(async () => { await browser?.close(); site?.close(); fake?.stop(); });

const p = (s) => s.particle;
const inputs = (page) => page.evaluate(() => [...document.querySelectorAll('#text-fields input')].map((i) => (
  { name: i.name, autocomplete: i.autocomplete, type: i.type, inputMode: i.inputMode, form: i.form && i.form.id })));
const focusedName = (page) => page.evaluate(() => document.activeElement && document.activeElement.name);
// The field's text as the app last drew it (not the DOM input's).
const fieldText = (page, name) => page.evaluate((n) =>
  (window.usagedesk.textFields().find((f) => f.name === n) || {}).text, name);
const waitText = (page, name, want) => page.waitForFunction(([n, w]) =>
  (window.usagedesk.textFields().find((f) => f.name === n) || {}).text === w, [name, want], { timeout: 5000 })
  .catch(async () => assert.fail(`${name} is "${await fieldText(page, name)}", not "${want}"`));
// What a password manager does: set the value, fire the input event.
const autofill = (page, name, value) => page.evaluate(([n, v]) => {
  const input = document.querySelector(`#text-fields input[name="${n}"]`);
  input.value = v;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}, [name, value]);

async function useFakeApi(app) {
  await app.click('nav.settings');
  await app.fill('settings.particle_url', api);
  await app.click('settings.save');
  await app.click('nav.particle');
}

test('the login is a real form: invisible inputs, autofill and Enter sign in (password, then code)', async () => {
  await fetch(`${api}/__fake/reset`, { method: 'POST' });
  const { context, page, app, errors } = await openApp(browser, site.url);
  await useFakeApi(app);
  await app.click('particle.tab.password');
  assert.deepEqual((await inputs(page)).filter((f) => f.name.startsWith('particle.')), [
    { name: 'particle.email', autocomplete: 'username', type: 'text', inputMode: 'email', form: 'text-fields' },
    { name: 'particle.password', autocomplete: 'current-password', type: 'password', inputMode: 'text', form: 'text-fields' }]);
  assert.equal(await page.evaluate(() => document.getElementById('text-fields').getAttribute('onsubmit')), null,
    'no inline handler (the CSP forbids them)');

  // The field being edited has its DOM input focused, and the page looks exactly the same.
  await app.fill('particle.email', 'typed@example.com');
  assert.equal(await focusedName(page), 'particle.email', 'the field being edited has a focused DOM input');
  assert.equal(await page.evaluate(() => document.activeElement.value), 'typed@example.com', 'the input mirrors the field');
  fs.mkdirSync(screenshotDir, { recursive: true });
  const withInputs = await page.screenshot({ path: path.join(screenshotDir, 'inputs-login-focused.png') });
  await page.evaluate(() => { document.getElementById('text-fields').style.display = 'none'; });
  const without = await page.screenshot({ path: path.join(screenshotDir, 'inputs-login-without-inputs.png') });
  await page.evaluate(() => { document.getElementById('text-fields').style.display = ''; });
  assert.ok(withInputs.equals(without), 'the inputs change nothing on screen');

  await autofill(page, 'particle.email', 'mfa@example.com');
  await autofill(page, 'particle.password', 'secret');
  await waitText(page, 'particle.email', 'mfa@example.com');
  await page.focus('#text-fields input[name="particle.password"]');
  assert.ok(await app.waitActive('particle.password'), 'focusing the input gives the field the keyboard');
  assert.equal(await fieldText(page, 'particle.password'), true, 'the hook says only that the password is there');
  assert.ok(!(await page.evaluate(() => document.documentElement.outerHTML)).includes('secret'),
    'the password is in no attribute of the page (only the input\'s value, for the password manager)');
  await page.keyboard.press('Enter');
  await app.waitForState((x) => p(x).login.needs_otp, { what: 'MFA asked' });

  const otp = (await inputs(page)).find((f) => f.name === 'particle.otp');
  assert.deepEqual(otp, { name: 'particle.otp', autocomplete: 'one-time-code', type: 'text', inputMode: 'numeric',
    form: 'text-fields' });
  await autofill(page, 'particle.otp', '123456');  // from an SMS or an authenticator
  await page.focus('#text-fields input[name="particle.otp"]');
  assert.ok(await app.waitActive('particle.otp'));
  await page.keyboard.press('Enter');
  const s = await app.waitForState((x) => p(x).login.session === 'signed_in', { what: 'signed in by autofill' });
  assert.equal(p(s).login.username, 'mfa@example.com');
  assert.deepEqual((await inputs(page)).filter((f) => /^particle\.(email|password|otp|token)$/.test(f.name)), [],
    'the login inputs are gone');
  // The browser logs the refused answer that asks for the code (403) itself.
  assert.deepEqual(errors.filter((e) => !/status of 403/.test(e)), []);
  await context.close();
});

test('touch: a tap focuses the DOM input and a touch keyboard types; IME composes; paste and copy work', async () => {
  const { context, page, app, errors } = await openApp(browser, site.url, { touch: true });
  await app.click('particle.tab.password');
  const email = await app.widget('particle.email');
  await page.touchscreen.tap(email.x + email.w / 2, email.y + email.h / 2);
  await page.waitForFunction(() => document.activeElement && document.activeElement.name === 'particle.email',
    null, { timeout: 5000 }).catch(() => assert.fail('the tap did not focus the DOM input'));
  assert.ok(await app.waitActive('particle.email'), 'and the field edits');
  await page.keyboard.insertText('ab');  // a touch keyboard: input events, no key presses
  await waitText(page, 'particle.email', 'ab');
  await page.keyboard.insertText('c');
  await waitText(page, 'particle.email', 'abc');
  await app.screenshot('inputs-touch-typed');

  // An input method: composition updates, then the commit (compositionend).
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'にほ', selectionStart: 2, selectionEnd: 2 });
  await cdp.send('Input.imeSetComposition', { text: 'にほん', selectionStart: 3, selectionEnd: 3 });
  await cdp.send('Input.insertText', { text: '日本' });
  await waitText(page, 'particle.email', 'abc日本');

  await page.evaluate(() => navigator.clipboard.writeText('@example.com'));
  await page.keyboard.press('Control+V');
  await waitText(page, 'particle.email', 'abc日本@example.com');
  // Copy goes to the system clipboard.
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await app.settle(40);
  await page.keyboard.press('c');
  await app.settle(40);
  await page.keyboard.up('Control');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'abc日本@example.com');
  assert.deepEqual(errors, []);
  await context.close();
});
