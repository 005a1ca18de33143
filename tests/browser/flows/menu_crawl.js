// Open every menu of the 青年联系 app and, with YC_CRAWL_ALL_VIEWS=1, every view
// (list, kanban, calendar, pivot, graph) of its action, the form of the first record
// of the list and the records of YC_CRAWL_RECORDS (JSON [[model, id, label], ...]:
// records whose chatter went through an approval).  Before, the page the user
// lands on after logging in (its breadcrumb must read YC_CRAWL_HOME when given) and
// web_responsive's app drawer with its menu search; YC_CRAWL_MENUS (comma-separated
// names) must be among the app's menus.  Fails on an error dialog, a console error,
// or any visible Latin word (text, tooltip, placeholder, option of a select, open
// search menus) that is not a code or a name of the allow-list below.
// Screenshots: menu_crawl-<YC_CRAWL_USER>-*.png (home, drawer, menus of
// YC_CRAWL_MENUS, chatter records, last page).

// Latin words a Chinese League office reads as they are (product and format names).
const ALLOWED = new Set([
  'Excel', 'xlsx', 'xls',  // the export and import formats, named so in Chinese offices
  'QQ',                    // Tencent QQ: its Chinese name is "QQ"
  'Odoo',                  // the software's name, in the footer of the menu
  'PDF',                   // the printed format (打印（PDF）), named so in Chinese offices
  'IAP',                   // Odoo's in-app purchase service: "IAP 账户" in Odoo's own Chinese
                           // (设置 › 技术, seen by the system administrator only)
]);
// Tokens holding a digit, '_', '@' or a scheme are codes (WeChat ids, QQ numbers,
// e-mails, URLs and domains, logins made unique with digits, version numbers) ...
const CODE = /[\d_@]|^(https?:|www\.)|\.(com|cn|net|org)$/;
// ... except these, which are English in disguise.
const ENGLISH_CODES = [/^\d{4}-W\d{1,2}$/, /^W\d{1,2}$/, /^Q[1-4]$/];

function latinWords(text) {
  const words = [];
  for (let token of text.split(/[^A-Za-z0-9_.@\-/:+#]+/)) {
    token = token.replace(/^[.\-/:+#]+|[.\-/:+#]+$/g, '');
    if (!token) continue;
    if (ENGLISH_CODES.some((re) => re.test(token))) {
      words.push(token);
      continue;
    }
    if (CODE.test(token)) continue;
    for (const word of token.match(/[A-Za-z]{2,}/g) || []) {
      if (!ALLOWED.has(word)) words.push(word);
    }
  }
  return words;
}

// In the page: every visible text, tooltip, placeholder and option of a visible select.
function visibleTexts() {
  const shown = (el) => {
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden') return false;
    }
    return el.getClientRects().length > 0;
  };
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const parent = node.parentElement;
    if (!node.nodeValue.trim() || !parent || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'OPTION']
      .includes(parent.tagName) || !shown(parent)) continue;
    texts.push(node.nodeValue);
  }
  for (const el of document.querySelectorAll('[title], [placeholder], [data-original-title]')) {
    if (!shown(el)) continue;
    for (const attr of ['title', 'placeholder', 'data-original-title']) {
      if (el.getAttribute(attr)) texts.push(el.getAttribute(attr));
    }
  }
  for (const select of document.querySelectorAll('select')) {
    if (shown(select)) texts.push(...[...select.options].map((o) => o.textContent));
  }
  return texts;
}

module.exports = async (ui) => {
  const page = ui.page;
  const allViews = process.env.YC_CRAWL_ALL_VIEWS === '1';
  const user = process.env.YC_CRAWL_USER || 'user';
  const records = JSON.parse(process.env.YC_CRAWL_RECORDS || '[]');
  // Warnings shown to the user (UserError) are logged in the console too.
  ui.allowConsoleError(/"exception_type":"user_error"/);
  await ui.login();
  const failures = [];
  const messages = [];
  const english = new Map();  // word -> {where: [places], context}
  const scan = async (where) => {
    for (const text of await page.evaluate(visibleTexts)) {
      for (const word of latinWords(text)) {
        if (!english.has(word)) english.set(word, {where: [], context: text.trim().slice(0, 80)});
        const places = english.get(word).where;
        if (!places.includes(where)) places.push(where);
      }
    }
  };
  // The home page the user lands on after logging in (YC_CRAWL_HOME: the title
  // of its breadcrumb): the League app, not Discuss.
  const home = await page.evaluate(() => {
    const crumbs = document.querySelectorAll('.o_control_panel .breadcrumb li');
    return {title: crumbs.length ? crumbs[crumbs.length - 1].textContent.trim() : '',
            discuss: !!document.querySelector('.o_mail_chat, .o_mail_discuss')};
  });
  await scan('home');
  await ui.shot(`${user}-home`);
  if (process.env.YC_CRAWL_HOME && (home.title !== process.env.YC_CRAWL_HOME || home.discuss)) {
    failures.push(`landed on "${home.title}"${home.discuss ? ' (Discuss)' : ''}, not on ` +
                  `"${process.env.YC_CRAWL_HOME}"`);
  }
  // The app drawer of web_responsive and its menu search.
  await ui.openDrawer();
  await ui.idle();
  await scan('app drawer');
  await ui.shot(`${user}-drawer`);
  await ui.clickVisible('.drawer-search-open');
  await page.waitForSelector('#appDrawerMenuSearch', {visible: true});
  await scan('app drawer (search)');
  await page.goto(`${ui.url}/web`);
  await page.waitForSelector('header .main-nav');
  await ui.idle();
  await ui.openApp('青年联系');
  const menus = await page.evaluate(() => {
    const root = [...document.querySelectorAll(
      '#appDrawerApps a[data-menu]')]
      .find((a) => a.textContent.trim() === '青年联系').dataset.menu;
    return [...document.querySelectorAll(
      `.o_sub_menu .oe_secondary_menu[data-menu-parent="${root}"] a[data-action-id]`)]
      .map((a) => ({id: a.dataset.menu, action: a.dataset.actionId,
                    name: a.textContent.trim()}));
  });
  if (menus.length < 10) throw new Error(`only ${menus.length} menus found`);
  const required = (process.env.YC_CRAWL_MENUS || '').split(',').filter((n) => n);
  const absent = required.filter((n) => !menus.some((m) => m.name === n));
  if (absent.length) failures.push(`menus not offered: ${absent.join(', ')}`);
  // An error dialog (server error, JS crash) fails the crawl; a warning dialog is a
  // message to the user (e.g. "you are not registered as a cadre"): noted, closed.
  const check = async (where) => {
    await ui.idle();
    await scan(where);
    const dialog = await page.evaluate(() => {
      const d = document.querySelector('.o_dialog_error, .o_dialog_warning');
      return d ? {error: d.classList.contains('o_dialog_error'),
                  text: d.innerText.slice(0, 500)} : null;
    });
    if (!dialog) return true;
    (dialog.error ? failures : messages).push(`${where}: ${dialog.text}`);
    await page.evaluate(() => document.querySelectorAll('.modal .close')
      .forEach((b) => b.click()));
    await ui.idle();
    return false;
  };
  // Click the first visible element of selector; whether there was one.
  const clickFirst = (selector) => page.evaluate((s) => {
    const el = [...document.querySelectorAll(s)].find((e) => e.offsetParent !== null);
    if (el) el.click();
    return !!el;
  }, selector);
  // The filter, group-by and favorite menus of the search view, opened one by one.
  const searchMenus = async (where) => {
    const count = await page.evaluate(() => document.querySelectorAll(
      '.o_search_options .o_dropdown_toggler_btn').length);
    for (let i = 0; i < count; i++) {
      await page.evaluate((n) => document.querySelectorAll(
        '.o_search_options .o_dropdown_toggler_btn')[n].click(), i);
      await scan(`${where} (search menus)`);
      await page.evaluate(() => document.body.click());
    }
  };
  // The user menu of the top bar.
  if (await clickFirst('.o_user_menu > a')) {
    await scan('user menu');
    await page.evaluate(() => document.body.click());
  }
  const formsSeen = new Set();   // models whose form was opened
  for (const m of menus) {
    const action = await ui.gotoHash(`menu_id=${m.id}&action=${m.action}`);
    await page.waitForSelector('.o_control_panel, .o_content');
    const shown = await check(m.name);
    if (shown && action !== null && String(action) !== String(m.action)) {
      failures.push(`${m.name}: action ${action} shown, not ${m.action}`);
      continue;
    }
    if (required.includes(m.name)) await ui.shot(`${user}-menu-${m.id}`);
    if (!shown || !allViews) continue;
    await searchMenus(m.name);
    const types = await page.evaluate(() => [...document.querySelectorAll(
      '.o_cp_switch_buttons button')].filter((b) => b.offsetParent !== null)
      .map((b) => b.dataset.viewType));
    const active = await page.evaluate(() => {
      const b = document.querySelector('.o_cp_switch_buttons button.active');
      return b ? b.dataset.viewType : null;
    });
    const model = await page.evaluate(() => {
      const action = odoo.__DEBUG__.services['web.web_client'].action_manager.get_inner_action();
      return action ? action.action_descr.res_model : null;
    });
    // the other views of the action (the one the menu opened is checked above)
    let ok = true;
    for (const type of types.filter((t) => t !== active)) {
      // (a view can replace the switch buttons, e.g. a dashboard: nothing to click then)
      const clicked = await clickFirst(`.o_cp_switch_buttons button[data-view-type="${type}"]`);
      if (clicked && !await check(`${m.name} (${type})`)) {
        ok = false;
        break;
      }
    }
    // The form of the first record of the list, with its chatter, last (a list
    // without a form view, e.g. an analysis, stays where it is); once per model:
    // the menus showing the same records share their form.
    if (!ok || !types.includes('list') || formsSeen.has(model)) continue;
    if (types.filter((t) => t !== active).length &&
        !await clickFirst('.o_cp_switch_buttons button[data-view-type="list"]')) continue;
    await ui.idle();
    if (await clickFirst('.o_list_view tbody tr.o_data_row td:not(.o_list_record_selector)')) {
      formsSeen.add(model);
      await ui.idle();
      if (await page.$('.o_form_view')) await check(`${m.name} (form)`);
    }
  }
  for (const [model, id, label] of records) {
    await ui.gotoHash(`model=${model}&id=${id}&view_type=form`);
    await page.waitForSelector('.o_form_view .o_mail_thread, .o_form_view .o_chatter');
    await check(`${label} (chatter)`);
    await ui.shot(`${user}-${model.replace(/\./g, '_')}`);
  }
  if (messages.length) console.log('messages shown to the user:\n' + messages.join('\n'));
  await ui.shot(`${user}-last`);
  if (english.size) {
    failures.push('Latin words shown to a Chinese user:\n' + [...english]
      .map(([word, {where, context}]) => `  "${word}" in "${context}" on ${where.length} ` +
           `page(s): ${where.slice(0, 4).join(', ')}`).join('\n'));
  }
  if (failures.length) throw new Error('errors while crawling the menus:\n' + failures.join('\n'));
  console.log(`crawled ${menus.length} menus`);
};
