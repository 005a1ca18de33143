// Issue 3: a cadre logs in, adds a youth to their list, records a WeChat contact
// and sees their progress change.  Data: tests/test_browser_cadre_contact.py
// (a county of its own, the cadre 测试团干部 and the youth 测试青年甲).
module.exports = async (ui) => {
  const page = ui.page;
  const progressText = () => page.$eval('.o_form_view', (e) => e.innerText);
  await ui.login();
  await ui.openApp('青年联系');

  // Progress before: no youth contacted, the online cadence not started.
  await ui.openMenu('我的工作进度');
  await ui.expectText('测试团干部', '.o_form_view');
  const before = await progressText();
  if (!/0\s*\/\s*10/.test(before)) throw new Error('expected 0 / 10 youth before:\n' + before);
  await ui.shot('progress-before');

  // Add the youth from the youth register.
  await ui.openMenu('团员青年');
  await ui.clickText('.o_list_view td', '测试青年甲');
  await ui.button('加入联系名单');
  await page.waitForSelector('.modal .o_form_view');
  await ui.idle();
  await ui.expectText('测试青年甲', '.modal');
  await ui.clickText('.modal-footer button', '添加');
  await page.waitForFunction(() => !document.querySelector('.modal .o_form_view'));
  await ui.idle();

  // Record a WeChat contact from the "My Youth" card.
  await ui.openMenu('我的联系青年');
  await ui.expectText('测试青年甲', '.o_kanban_view');
  await ui.clickText('.o_kanban_record button', '记录联系');
  await page.waitForSelector('.modal .o_form_view');
  await ui.idle();
  await ui.select('mode', '微信');
  await ui.fill('content', '通过微信了解近期工作情况，推送青年创业扶持政策。');
  await ui.shot('log');
  await ui.clickText('.modal-footer button', '保存');
  await page.waitForFunction(() => !document.querySelector('.modal .o_form_view'));
  await ui.idle();

  // Progress after: one youth contacted, the online cadence is met.
  await ui.openMenu('我的工作进度');
  await ui.expectText('测试团干部', '.o_form_view');
  const after = await progressText();
  if (!/1\s*\/\s*10/.test(after)) throw new Error('expected 1 / 10 youth after:\n' + after);
  await ui.shot('progress-after');
};
