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
// ui.idle(): how long the DOM stays unchanged once no request runs before the page
// counts as rendered (YC_IDLE_QUIET_MS), and the most it waits for that (a page that
// keeps changing).
const IDLE_QUIET_MS = Number(process.env.YC_IDLE_QUIET_MS || 100);
const IDLE_SETTLE_MAX_MS = 3000;
// What the page asks of the server, counted in the page: its XMLHttpRequests (Odoo's
// RPCs, shadow ones included), each until the handlers of its answer have run.  The
// bus's long polling is left out: it is always pending.
const COUNT_XHR = () => {
  let running = 0;
  window.__ycRequests = () => running;
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.__ycCounted = !/\/longpolling\//.test(String(url));
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (this.__ycCounted) {
      running++;
      // (after the answer's own handlers: loadend comes last, the timeout after it)
      this.addEventListener('loadend', () => setTimeout(() => { running--; }, 0));
    }
    return send.apply(this, args);
  };
};

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
  await page.evaluateOnNewDocument(COUNT_XHR);
  // ... and every other request of the page (images, style sheets, downloads), seen
  // from here; those of a page left behind are dropped with it.
  const requests = new Set();
  let requestsStarted = 0;
  page.on('request', (r) => {
    if (/\/longpolling\//.test(r.url())) return;
    requests.add(r);
    requestsStarted++;
  });
  page.on('requestfinished', (r) => requests.delete(r));
  page.on('requestfailed', (r) => requests.delete(r));
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) {
      for (const r of requests) if (r.frame() === frame && !r.isNavigationRequest()) requests.delete(r);
    }
  });
  const idleStats = {calls: 0, ms: 0};

  const ui = {
    page,
    url,
    // Wait until the web client is idle: no request of the page runs (in the page:
    // its XMLHttpRequests until their answers are handled; from here: every other
    // request), no blocking overlay, and the DOM has not changed for IDLE_QUIET_MS
    // since (the rendering that follows the last answer), with no request started
    // meanwhile.
    async idle() {
      const t0 = Date.now();
      // (a click can reload the page: an evaluation then loses its context and is
      // made again on the new page)
      const again = async (fn) => {
        for (;;) {
          try {
            return await fn();
          } catch (e) {
            if (!/context was destroyed|Cannot find context/.test(e.message)) throw e;
            await page.waitForFunction(() => document.readyState === 'complete');
          }
        }
      };
      const pageFree = () => {
        const shown = [...document.querySelectorAll('.o_blockUI')]
          .some((e) => getComputedStyle(e).display !== 'none');
        return document.readyState === 'complete' && !shown &&
               !(window.__ycRequests && window.__ycRequests());
      };
      const networkFree = async () => {
        const deadline = Date.now() + 60000;
        while (requests.size) {
          if (Date.now() > deadline) {
            throw new Error('requests still running after 60 s: ' +
                            [...requests].map((r) => r.url().slice(0, 120)).join(', '));
          }
          await new Promise((r) => setTimeout(r, 10));
        }
      };
      for (;;) {
        await again(() => page.waitForFunction(pageFree, {polling: 10}));
        await networkFree();
        const started = requestsStarted;
        // The DOM quiet for QUIET ms (at most SETTLE_MAX ms); the loading indicator's
        // fading out (400 ms of style changes) does not count.
        await again(() => page.evaluate((quietMs, max) => new Promise((resolve) => {
          let timer = null;
          const done = () => {
            observer.disconnect();
            clearTimeout(cap);
            resolve();
          };
          const observer = new MutationObserver((records) => {
            if (records.every((m) => {
              const el = m.target.nodeType === 1 ? m.target : m.target.parentElement;
              return el && el.closest('.o_loading');
            })) return;
            clearTimeout(timer);
            timer = setTimeout(done, quietMs);
          });
          const cap = setTimeout(done, max);
          observer.observe(document.documentElement, {
            childList: true, subtree: true, attributes: true, characterData: true});
          timer = setTimeout(done, quietMs);
        }), IDLE_QUIET_MS, IDLE_SETTLE_MAX_MS));
        if (requestsStarted === started && !requests.size &&
            await again(() => page.evaluate(pageFree))) break;
      }
      idleStats.calls++;
      idleStats.ms += Date.now() - t0;
    },
    async login(user = login, pass = password) {
      await page.goto(url + '/web/login', {waitUntil: 'networkidle2'});
      await page.type('input[name=login]', user);
      await page.type('input[name=password]', pass);
      await Promise.all([page.waitForNavigation({waitUntil: 'networkidle2'}),
                         page.click('button[type=submit]')]);
      // (web_responsive's top bar: the app drawer toggle and the current app's menus)
      await page.waitForSelector('header .main-nav');
      await ui.idle();
    },
    // Browse as on a phone (before ui.login(): the page loads with this viewport).
    async phone(width = 390, height = 844) {
      await page.setViewport({width, height, isMobile: true, hasTouch: true});
    },
    // Nothing wider than the viewport: neither the page, nor the form sheet, nor a
    // part of the screen (content, dialog, table) scrolls sideways.  `where` names
    // the screen in the error message.
    async noHorizontalScroll(where) {
      const widths = await page.evaluate(() => {
        const sheet = document.querySelector('.o_form_view .o_form_sheet');
        const wide = [...document.querySelectorAll('body *')].filter((e) =>
          e.offsetParent !== null && e.getBoundingClientRect().right > window.innerWidth + 1);
        // parts that would scroll sideways on their own (a wide table, a dialog)
        const inner = [...document.querySelectorAll(
          '.o_content, .modal-body, .table-responsive, .o_form_sheet_bg, .o_kanban_view')]
          .filter((e) => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1);
        return {viewport: window.innerWidth, page: document.documentElement.scrollWidth,
                inner: inner.map((e) => `${String(e.className).trim().split(/\s+/)[0]} (${
                  e.scrollWidth} > ${e.clientWidth}px)`),
                body: document.body.scrollWidth,
                sheet: sheet ? sheet.scrollWidth : 0,
                sheetBox: sheet ? sheet.getBoundingClientRect().right : 0,
                wide: wide.slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${
                  String(e.className).trim().replace(/\s+/g, '.')} (${
                  Math.round(e.getBoundingClientRect().right)}px)`)};
      });
      const limit = widths.viewport;
      if (widths.page > limit || widths.body > limit || widths.sheet > limit ||
          widths.sheetBox > limit + 1 || widths.inner.length) {
        throw new Error(`${where}: wider than the ${limit}px viewport: ` + JSON.stringify(widths));
      }
    },
    // Every element matching `selector` whose text is one of `texts` is shown
    // inside the viewport (not hidden, not cut off on the right or below).
    async visibleInViewport(selector, texts) {
      const missing = await page.evaluate((s, ts) => ts.filter((t) => {
        const el = [...document.querySelectorAll(s)].find((e) =>
          e.textContent.trim() === t && e.offsetParent !== null);
        if (!el) return true;
        const r = el.getBoundingClientRect();
        return r.width === 0 || r.left < 0 || r.right > window.innerWidth ||
               r.top < 0 || r.bottom > window.innerHeight;
      }), selector, texts);
      if (missing.length) throw new Error(`not visible within the viewport: ${missing.join(', ')}`);
    },
    // Go to a state of the web client (`menu_id=..&action=..`, `model=..&id=..`)
    // as its links and the back button do: the hash changes and the web client
    // loads the action, without reloading the page.  Returns the id of the window
    // action then shown in the main area, null when the action opened a dialog or
    // is of another kind (the caller checks it is the one asked for).
    async gotoHash(hash) {
      await page.evaluate((h) => { window.location.hash = h; }, hash);
      await ui.idle();
      return page.evaluate(() => {
        if (document.querySelector('.modal')) return null;
        const action = odoo.__DEBUG__.services['web.web_client'].action_manager.get_inner_action();
        const id = action && action.action_descr.type === 'ir.actions.act_window' &&
                   action.action_descr.id;
        return id || null;
      });
    },
    // Open web_responsive's app drawer and wait until its opening ends: at the end
    // of the transition the drawer resets itself (closes its menu search), so a
    // click made earlier can be undone (seen in CI: the menu search vanished).
    // (The end is read from the running animations: the drawer's own event did not
    // always come.)
    async openDrawer() {
      // (the toggle works once the drawer plugin has started, which a page just
      // loaded may not have yet)
      await page.waitForFunction(() => window.$ && $('.drawer').data('drawer'));
      if (!await page.evaluate(() => document.body.classList.contains('drawer-open'))) {
        await ui.clickVisible('.app-drawer-toggle');
      }
      await page.waitForFunction(() => document.body.classList.contains('drawer-open') &&
        !document.getAnimations().some((a) => a.playState === 'running'));
      await ui.idle();
    },
    // Open an app by its visible (Chinese) name from web_responsive's app drawer.
    async openApp(name) {
      const active = () => page.evaluate((n) => [...document.querySelectorAll(
        '#appDrawerApps .active > a[data-menu]')].some((a) => a.textContent.trim() === n), name);
      if (await active()) return;
      await ui.openDrawer();
      await ui.clickText('#appDrawerApps a[data-menu]', name);
      await page.waitForFunction((n) => [...document.querySelectorAll(
        '#appDrawerApps .active > a[data-menu]')].some((a) => a.textContent.trim() === n) &&
        !document.body.classList.contains('drawer-open'), {}, name);
      await ui.idle();
    },
    // Open an entry of the current app's menus by its visible name: web_responsive
    // shows them as dropdowns in the top bar (behind the menu toggle on a phone).
    async openMenu(name) {
      const current = '.o_sub_menu .oe_secondary_menu:not([style*="display: none"])';
      const shown = (sel) => page.evaluate((s, n) => [...document.querySelectorAll(s)]
        .some((a) => a.textContent.trim() === n && a.offsetParent !== null), sel, name);
      const link = `${current} a[data-menu]`;
      if (!await shown(link)) {
        const toggle = await page.$('#odooMenuBarToggle');
        if (toggle && await toggle.boundingBox() &&
            !await page.$('#odooMenuBarNav.in')) {
          await toggle.click();
          await page.waitForSelector('#odooMenuBarNav.in');
        }
        // the section (dropdown) holding the entry
        await page.evaluate((s, n) => {
          const a = [...document.querySelectorAll(s)].find((e) => e.textContent.trim() === n);
          const dropdown = a && a.closest('ul.dropdown-menu');
          if (dropdown && !dropdown.parentElement.classList.contains('open')) {
            dropdown.parentElement.querySelector(':scope > a.dropdown-toggle').click();
          }
        }, link, name);
      }
      await ui.clickText(link, name);
      await ui.idle();
    },
    // Click the first shown element matching selector.
    async clickVisible(selector) {
      await page.waitForFunction((s) => [...document.querySelectorAll(s)]
        .some((e) => e.offsetParent !== null), {}, selector);
      await page.evaluate((s) => [...document.querySelectorAll(s)]
        .find((e) => e.offsetParent !== null).click(), selector);
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
    // Reload the page until the status bar shows `label`: what a background job
    // wrote shows after a reload only (at most `tries` reloads).
    async reloadUntilStatus(label, tries = 60) {
      const shown = () => page.evaluate((t) => {
        const b = document.querySelector('.o_statusbar_status .btn-primary');
        return Boolean(b && b.textContent.includes(t));
      }, label);
      for (let i = 0; i < tries && !await shown(); i++) {
        await page.reload({waitUntil: 'networkidle2'});
        await ui.idle();
      }
      if (!await shown()) throw new Error(`status "${label}" not shown after ${tries} reloads`);
    },
    async expectText(text, selector = 'body') {
      await page.waitForFunction((s, t) => document.querySelector(s) &&
        document.querySelector(s).innerText.includes(t), {}, selector, text);
    },
    // Click the button `text` and wait for the .xlsx file it downloads; returns
    // the file's content (a Buffer).
    // Click `trigger` (a button's text, or an async function doing the clicks)
    // and wait for the .xlsx file it downloads (name starting with `prefix`
    // when given); returns the file's content.
    async downloadXlsx(trigger, prefix = '') {
      const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-download-'));
      const cdp = await page.createCDPSession();
      await cdp.send('Browser.setDownloadBehavior', {behavior: 'allow', downloadPath: downloads});
      if (typeof trigger === 'function') await trigger(); else await ui.button(trigger);
      const deadline = Date.now() + 60000;
      let file = null;
      while (!file && Date.now() < deadline) {
        file = fs.readdirSync(downloads).find((f) => f.startsWith(prefix) && f.endsWith('.xlsx'));
        if (!file) await new Promise((r) => setTimeout(r, 500));
      }
      if (!file) {
        throw new Error(`no ${prefix}*.xlsx was downloaded (${fs.readdirSync(downloads)})`);
      }
      const content = fs.readFileSync(path.join(downloads, file));
      fs.rmSync(downloads, {recursive: true, force: true});
      if (content.slice(0, 2).toString() !== 'PK') throw new Error(file + ' is not an .xlsx file');
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
    if (process.env.YC_IDLE_STATS) {
      fs.appendFileSync(process.env.YC_IDLE_STATS, `${flowName} ${login} quiet=${IDLE_QUIET_MS}: ${
        idleStats.calls} waits, ${(idleStats.ms / 1000).toFixed(1)} s\n`);
    }
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
