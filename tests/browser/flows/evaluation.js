// The city administrator computes and publishes an evaluation, opens its
// bulletin and downloads the ranking bulletin (.xlsx, a report_xlsx report:
// Chinese file name), then prints the compliance list of selected cadres from
// the Print menu of the list.
module.exports = async (ui) => {
  const page = ui.page;
  await ui.login();
  await ui.openApp('青年联系');
  await ui.openMenu('考核评估');
  await ui.button('创建');
  await ui.fill('name', '浏览器测试考核');
  await ui.button('保存');
  await ui.expectText('草稿', '.o_statusbar_status');
  await ui.button('计算');
  await ui.expectText('县（市、区）排名', '.o_form_view');
  await ui.reloadUntilStatus('已计算');   // computed by a background job
  await ui.shot('computed');
  await ui.button('通报');
  await ui.clickText('.modal-footer button', '确定');
  await page.waitForFunction(() => document.querySelector('.o_statusbar_status .btn-primary') &&
    document.querySelector('.o_statusbar_status .btn-primary').textContent.includes('已通报'));
  // the bulletin created by publishing
  await ui.clickText('.oe_button_box button', '通报');
  await ui.expectText('排名靠前的团干部', '.o_form_view');
  await ui.shot('bulletin');
  await ui.downloadXlsx('导出排名（Excel）', '考核排名');
  // the Print menu of the cadres' list
  await ui.openMenu('团干部');
  await page.waitForSelector('.o_cp_switch_list', {visible: true});
  await page.click('.o_cp_switch_list');
  await ui.idle();
  await page.waitForSelector('.o_list_view tbody .o_list_record_selector input');
  await page.click('.o_list_view tbody tr:nth-child(1) .o_list_record_selector input');
  await page.click('.o_list_view tbody tr:nth-child(2) .o_list_record_selector input');
  await ui.clickText('.o_cp_sidebar button', '打印');
  await ui.shot('print_menu');
  await ui.downloadXlsx(() => ui.clickText('.o_cp_sidebar .dropdown-menu a', '团干部落实情况清单（Excel）'),
                        '团干部落实情况清单');
};
