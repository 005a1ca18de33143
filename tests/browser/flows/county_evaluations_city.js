// The city administrator (meizhou) reads the counties' self-evaluations,
// grouped by county, without the buttons that run them.
module.exports = async (ui) => {
  await ui.login();
  await ui.openApp('青年联系');
  await ui.openMenu('县区自评');
  await ui.expectText('梅县区团委', '.o_list_view');
  await ui.shot('list');
  await ui.clickText('.o_list_view .o_group_header', await ui.page.evaluate(() =>
    [...document.querySelectorAll('.o_list_view .o_group_header')]
      .find((e) => e.textContent.includes('梅县区团委')).textContent.trim()));
  await ui.clickText('.o_list_view td', '浏览器测试县区自评');
  await ui.expectText('已通报', '.o_statusbar_status');
  const buttons = await ui.page.evaluate(() => [...document.querySelectorAll(
    '.o_form_view .o_statusbar_buttons button')].filter((b) => b.offsetParent !== null)
    .map((b) => b.textContent.trim()));
  if (buttons.some((b) => ['计算', '重新计算', '通报', '退回草稿'].includes(b))) {
    throw new Error('the city may run a county evaluation: ' + buttons.join(', '));
  }
  await ui.shot('form');
};
