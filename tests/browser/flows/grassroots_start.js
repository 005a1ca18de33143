// Issue 13 follow-up, "4+1" counted from a city setting: the city administrator
// sees “4+1”起算日期 in 工作参数 and, in the demo (counted from the Monday ten
// weeks before the install), a "4+1" list of cadres on track and cadres behind,
// not all red.  Data and checks: tests/test_browser_grassroots_start.py.
module.exports = async (ui) => {
  const page = ui.page;
  await ui.login();
  await ui.openApp('青年联系');
  await ui.openMenu('工作参数');
  await ui.expectText('“4+1”起算日期', '.o_form_view');
  await page.waitForSelector('.o_form_view [name="league_grassroots_start"]');
  await ui.shot('settings');

  await ui.openMenu('“4+1”每周落实情况');
  await page.waitForSelector('.o_list_view tbody tr.o_data_row');
  await ui.idle();
  await ui.expectText('起算日期', '.o_list_view thead');
  const rows = await page.$$eval('.o_list_view tbody tr.o_data_row',
    (trs) => trs.map((tr) => tr.classList.contains('text-danger')));
  const behind = rows.filter((red) => red).length;
  if (!behind || behind === rows.length) {
    throw new Error(`expected cadres on track and cadres behind, got ${behind} behind of ${rows.length}`);
  }
  await ui.shot('compliance');
  // sorted by rate: the first cadre on track, in view
  await page.evaluate(() => [...document.querySelectorAll('.o_list_view tbody tr.o_data_row')]
    .find((tr) => !tr.classList.contains('text-danger')).scrollIntoView({block: 'center'}));
  await ui.shot('compliance-on-track');
};
