// Second round: the city administrator (团市委管理员, not a system administrator)
// opens 配置 > 工作参数, changes the maximum number of cadres per youth and a weight
// of the evaluation, and saves.  Data and checks: tests/test_browser_city_settings.py.
module.exports = async (ui) => {
  await ui.login();
  await ui.openApp('青年联系');
  await ui.openMenu('工作参数');
  await ui.expectText('每名青年最多联系团干部数', '.o_form_view');
  await ui.expectText('考核指标默认权重', '.o_form_view');
  await ui.fill('league_max_cadres_per_youth', '5');
  await ui.fill('league_weight_satisfaction', '25');
  await ui.shot('filled');
  await ui.button('保存');
  // "Save" reloads the web client; the form then shows the stored values.
  await ui.page.waitForSelector('.o_form_view [name="league_max_cadres_per_youth"]');
  await ui.idle();
  await ui.expectText('每名青年最多联系团干部数', '.o_form_view');
  await ui.shot('saved');
};
