#!/usr/bin/env node
// Run one browser flow against a running Odoo in Debian's headless Chromium.
// usage: node run_flow.js URL LOGIN PASSWORD FLOW SHOTDIR
// A flow is tests/browser/flows/FLOW.js exporting `async (ui) => {...}`; it gets
// the helpers below.  Exit 0 when the flow passed and the browser console
// showed no error; otherwise a message on stderr and exit 1.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const puppeteer = require('puppeteer-core');

const [url, login, password, flowName, shotDir] = process.argv.slice(2);
const flow = require(path.join(__dirname, 'flows', flowName + '.js'));

async function main() {
  fs.mkdirSync(shotDir, {recursive: true});
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
           '--disable-component-update', '--no-first-run', '--disable-sync',
           '--disable-dev-shm-usage', '--user-data-dir=' + profile, '--lang=zh-CN',
           '--window-size=1366,900'],
    defaultViewport: {width: 1366, height: 900},
  });
  const consoleErrors = [];
  const allowedErrors = [];  // regexes of console errors a flow expects
  const page = await browser.newPage();
  page.setDefaultTimeout(60000);
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(String(err)));

  const ui = {
    page,
    url,
    // Wait until the web client is idle (no RPC running, no blocking overlay).
    async idle() {
      // Odoo 11 shows .o_loading (display) and .o_blockUI while an RPC runs.
      await page.waitForFunction(() => {
        const shown = (sel) => [...document.querySelectorAll(sel)]
          .some((e) => getComputedStyle(e).display !== 'none');
        return document.readyState === 'complete' && !shown('.o_loading') && !shown('.o_blockUI');
      });
      await new Promise((r) => setTimeout(r, 300));  // let the last render settle
    },
    async login(user = login, pass = password) {
      await page.goto(url + '/web/login', {waitUntil: 'networkidle2'});
      await page.type('input[name=login]', user);
      await page.type('input[name=password]', pass);
      await Promise.all([page.waitForNavigation({waitUntil: 'networkidle2'}),
                         page.click('button[type=submit]')]);
      await page.waitForSelector('#oe_main_menu_navbar');
      await ui.idle();
    },
    // Open an app of the top bar by its visible (Chinese) name.
    async openApp(name) {
      await ui.clickText('#oe_main_menu_navbar .oe_application_menu_placeholder a', name);
      await page.waitForFunction((n) => [...document.querySelectorAll(
        '#oe_main_menu_navbar .oe_application_menu_placeholder li.active a')]
        .some((a) => a.textContent.trim() === n), {}, name);
      await ui.idle();
    },
    // Open an entry of the current app's left menu by its visible name.
    async openMenu(name) {
      await ui.clickText('.o_sub_menu .oe_secondary_menu:not(.o_hidden) a', name);
      await ui.idle();
    },
    // Click the first element matching selector whose text is `text`.
    async clickText(selector, text) {
      await page.waitForFunction((s, t) => [...document.querySelectorAll(s)]
        .some((e) => e.textContent.trim() === t && e.offsetParent !== null), {}, selector, text);
      await page.evaluate((s, t) => {
        const el = [...document.querySelectorAll(s)]
          .find((e) => e.textContent.trim() === t && e.offsetParent !== null);
        el.click();
      }, selector, text);
      await ui.idle();
    },
    async button(text) { await ui.clickText('button', text); },
    // Type into the form field of the given technical name.
    async fill(field, value) {
      const sel = `.o_form_view [name="${field}"] input, .o_form_view input[name="${field}"], ` +
                  `.o_form_view textarea[name="${field}"], .o_form_view [name="${field}"] textarea`;
      await page.waitForSelector(sel, {visible: true});
      await page.click(sel, {clickCount: 3});
      await page.type(sel, String(value));
    },
    // Pick a value in a many2one field through its autocomplete.
    async many2one(field, text) {
      const sel = `.o_form_view .o_field_many2one[name="${field}"] input`;
      await page.waitForSelector(sel, {visible: true});
      await page.click(sel);
      await page.type(sel, text);
      await ui.clickText('.ui-autocomplete li a', text);
    },
    async select(field, label) {
      const sel = `.o_form_view select[name="${field}"]`;
      const value = await page.$eval(sel, (s, l) => {
        const o = [...s.options].find((x) => x.textContent.trim() === l);
        return o ? o.value : null;
      }, label);
      if (value === null) throw new Error(`no option "${label}" in ${field}`);
      await page.select(sel, value);
    },
    async expectText(text, selector = 'body') {
      await page.waitForFunction((s, t) => document.querySelector(s) &&
        document.querySelector(s).innerText.includes(t), {}, selector, text);
    },
    // Click the button `text` and wait for the .xlsx file it downloads; returns
    // the file's content (a Buffer).
    async downloadXlsx(text) {
      const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-download-'));
      const cdp = await page.createCDPSession();
      await cdp.send('Browser.setDownloadBehavior', {behavior: 'allow', downloadPath: downloads});
      await ui.button(text);
      const deadline = Date.now() + 60000;
      let file = null;
      while (!file && Date.now() < deadline) {
        file = fs.readdirSync(downloads).find((f) => f.endsWith('.xlsx'));
        if (!file) await new Promise((r) => setTimeout(r, 500));
      }
      if (!file) throw new Error(`"${text}" downloaded no .xlsx file`);
      const content = fs.readFileSync(path.join(downloads, file));
      fs.rmSync(downloads, {recursive: true, force: true});
      if (content.slice(0, 2).toString() !== 'PK') throw new Error('the download is not an .xlsx file');
      return content;
    },
    // A console error matching `regex` is expected by the flow (e.g. a UserError).
    allowConsoleError(regex) { allowedErrors.push(regex); },
    async shot(name) {
      await page.screenshot({path: path.join(shotDir, `${flowName}-${name}.png`)});
    },
  };

  try {
    await flow(ui);
  } catch (e) {
    await ui.shot('failure').catch(() => {});
    if (consoleErrors.length) e.message += '\nbrowser console errors:\n' + consoleErrors.join('\n');
    throw e;
  } finally {
    await browser.close();
    fs.rmSync(profile, {recursive: true, force: true});
  }
  const unexpected = consoleErrors.filter((m) => !allowedErrors.some((re) => re.test(m)));
  if (unexpected.length) {
    throw new Error('browser console errors:\n' + unexpected.join('\n'));
  }
}

main().then(() => process.exit(0), (e) => {
  console.error(e && e.stack || String(e));
  process.exit(1);
});
