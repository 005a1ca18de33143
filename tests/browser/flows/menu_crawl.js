// Open every menu of the 青年联系 app and, for the city administrator, every view
// (list, kanban, form, calendar, pivot, graph) of its action: no error dialog, no
// console error.  The user and depth come from YC_CRAWL_ALL_VIEWS (1 = every view).
module.exports = async (ui) => {
  const page = ui.page;
  const allViews = process.env.YC_CRAWL_ALL_VIEWS === '1';
  // Warnings shown to the user (UserError) are logged in the console too.
  ui.allowConsoleError(/"exception_type":"user_error"/);
  await ui.login();
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
  const failures = [];
  const messages = [];
  // An error dialog (server error, JS crash) fails the crawl; a warning dialog is a
  // message to the user (e.g. "you are not registered as a cadre"): noted, closed.
  const check = async (where) => {
    await ui.idle();
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
  for (const m of menus) {
    await page.goto(`${ui.url}/web#menu_id=${m.id}&action=${m.action}`);
    await page.waitForSelector('.o_control_panel, .o_content');
    if (!await check(m.name) || !allViews) continue;
    const types = await page.evaluate(() => [...document.querySelectorAll(
      '.o_cp_switch_buttons button')].filter((b) => b.offsetParent !== null)
      .map((b) => b.dataset.viewType));
    for (const type of types) {
      const clicked = await page.evaluate((t) => {
        const b = [...document.querySelectorAll(
          `.o_cp_switch_buttons button[data-view-type="${t}"]`)]
          .find((e) => e.offsetParent !== null);
        if (b) b.click();
        return !!b;
      }, type);
      // (a view can replace the switch buttons, e.g. a dashboard: nothing to click then)
      if (clicked && !await check(`${m.name} (${type})`)) break;
    }
  }
  if (messages.length) console.log('messages shown to the user:\n' + messages.join('\n'));
  await ui.shot('last');
  if (failures.length) throw new Error('errors while crawling the menus:\n' + failures.join('\n'));
  console.log(`crawled ${menus.length} menus`);
};
