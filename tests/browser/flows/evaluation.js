// The city administrator computes and publishes an evaluation, opens its
// bulletin and downloads the ranking bulletin (.xlsx).
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
  await ui.downloadXlsx('导出排名（Excel）');
};
