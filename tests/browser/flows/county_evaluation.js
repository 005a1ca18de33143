// A county administrator (meixian, 梅县区) evaluates his own county's cadres:
// from 县区自评 he creates a self-evaluation (its level and county are set for
// him), computes it, publishes it to his county and opens its bulletin.
module.exports = async (ui) => {
  const page = ui.page;
  const status = (text) => page.waitForFunction((t) =>
    document.querySelector('.o_statusbar_status .btn-primary') &&
    document.querySelector('.o_statusbar_status .btn-primary').textContent.includes(t), {}, text);
  await ui.login();
  await ui.openApp('青年联系');
  await ui.openMenu('县区自评');
  await ui.button('创建');
  await ui.expectText('县级', '.o_form_view [name="scope"]');
  await ui.fill('name', '浏览器测试县区自评');
  await ui.button('保存');
  await ui.expectText('草稿', '.o_statusbar_status');
  await ui.expectText('梅县区', '.o_form_view [name="county_id"]');
  await ui.button('计算');
  await ui.reloadUntilStatus('已计算');   // computed by a background job
  await ui.expectText('梅县区', '.o_form_view .o_notebook');
  await ui.shot('computed');
  await ui.button('通报');
  await ui.expectText('向本县区（及团市委）发布考核结果', '.modal-body');
  await ui.clickText('.modal-footer button', '确定');
  await status('已通报');
  await ui.clickText('.oe_button_box button', '通报');
  await ui.expectText('排名靠前的团干部', '.o_form_view');
  await ui.expectText('梅县区', '.o_form_view [name="county_id"]');
  await ui.shot('bulletin');
};
