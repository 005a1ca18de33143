// Issue 13, figures that must not mislead (cadre): a new cadre's progress reads
// 未开始 (not 已落实); the add-youth picker shows each youth's cadres and marks
// those at the limit, leaves out the youth already listed, and the add dialog
// warns before adding.  Data: tests/test_browser_figures.py.
module.exports = async (ui) => {
  const page = ui.page;
  const text = (sel) => page.$eval(sel, (e) => e.innerText);
  await ui.login();
  await ui.openApp('青年联系');

  // A new cadre: no youth, no log, no activity -> the three cadences 未开始.
  await ui.openMenu('我的工作进度');
  await ui.expectText('浏览器新干部', '.o_form_view');
  const cadences = await text('.o_form_view');
  const notStarted = (cadences.match(/未开始/g) || []).length;
  if (notStarted !== 3) throw new Error('expected 3 × 未开始 in the cadences:\n' + cadences);
  if (/已落实/.test(cadences)) throw new Error('a new cadre shows 已落实:\n' + cadences);
  if (/距上次联系天数/.test(cadences)) throw new Error('days since the last log shown without a log:\n' + cadences);
  await ui.shot('new-cadre-not-started');

  const openPicker = async () => {
    await ui.button('添加联系青年');
    await page.waitForSelector('.modal .o_form_view');
    await ui.idle();
    await ui.clickText('.modal .o_field_x2many_list_row_add a', '添加项目');
    await page.waitForFunction(() => document.querySelectorAll('.modal').length >= 2 &&
      document.querySelector('.modal:last-of-type .o_list_view'));
    await ui.idle();
  };
  const pickerRows = () => page.$$eval('.modal:last-of-type .o_list_view tbody tr.o_data_row',
    (rows) => rows.map((r) => r.innerText));

  // First add: the picker lists both youth; the crowded one is marked.
  await openPicker();
  let rows = await pickerRows();
  const crowded = rows.find((r) => r.includes('浏览器热门青年'));
  if (!crowded || !/已达上限|超过上限/.test(crowded)) {
    throw new Error('the crowded youth is not marked in the picker:\n' + rows.join('\n'));
  }
  if (!rows.some((r) => r.includes('浏览器新青年'))) throw new Error('free youth missing:\n' + rows.join('\n'));
  await ui.shot('picker-marks-limit');
  await ui.clickText('.modal:last-of-type .o_list_view td', '浏览器新青年');
  await page.waitForFunction(() => document.querySelectorAll('.modal').length === 1);
  await ui.idle();
  await ui.clickText('.modal-footer button', '添加');
  await page.waitForFunction(() => !document.querySelector('.modal .o_form_view'));
  await ui.idle();

  // Second add: the youth already listed is left out; picking the crowded one
  // warns in the dialog before anything is added.
  await openPicker();
  rows = await pickerRows();
  if (rows.some((r) => r.includes('浏览器新青年'))) {
    throw new Error('the picker lists a youth already on my list:\n' + rows.join('\n'));
  }
  await ui.clickText('.modal:last-of-type .o_list_view td', '浏览器热门青年');
  await page.waitForFunction(() => document.querySelectorAll('.modal').length === 1);
  await ui.idle();
  await ui.expectText('浏览器热门青年', '.modal .o_league_limit_warning');
  const warning = await text('.modal .o_league_limit_warning');
  if (!/上限/.test(warning)) throw new Error('no limit warning in the add dialog:\n' + warning);
  await ui.shot('add-dialog-warns');
  await ui.clickText('.modal-footer button', '取消');
  await ui.idle();
};
