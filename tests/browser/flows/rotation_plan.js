// Issue 4: the county administrator creates the "8+4" plan of the year, lets the
// system propose the batches and working groups, and submits it; the city
// administrator approves it.  Data: tests/test_browser_rotation.py (a county of
// its own with 9 established cadres; logins passed in the environment).
module.exports = async (ui) => {
  const page = ui.page;
  const county = process.env.YC_ROTATION_COUNTY;
  const status = () => page.$eval('.o_statusbar_status .btn-primary', (e) => e.textContent.trim());
  const expectStatus = async (label) => {
    await page.waitForFunction((l) => {
      const el = document.querySelector('.o_statusbar_status .btn-primary');
      return el && el.textContent.trim() === l;
    }, {}, label);
  };

  // County administrator: create, propose, submit.
  await ui.login(process.env.YC_ROTATION_ADMIN, process.env.YC_ROTATION_ADMIN);
  await ui.openApp('青年联系');
  await ui.openMenu('“8+4”常态化下沉计划');
  await ui.button('创建');
  await page.waitForSelector('.o_form_view.o_form_editable');
  await ui.button('保存');
  await expectStatus('草稿');
  await ui.expectText(county, '.o_form_view');   // the county comes from the user
  await ui.expectText('提交审批前请先解决', '.o_form_view');
  await ui.button('生成方案');
  await ui.clickText('.modal-footer button', '确定');
  await page.waitForFunction(() => document.querySelectorAll(
    '.o_field_one2many[name="batch_ids"] tr.o_data_row').length === 4);
  await page.waitForFunction(() => !document.querySelector('.o_form_view .alert-warning') ||
    document.querySelector('.o_form_view .alert-warning').offsetParent === null);
  await ui.clickText('.o_notebook a', '工作小组');
  await ui.shot('proposed');
  await ui.button('提交审批');
  await expectStatus('待审批');
  await ui.shot('submitted');

  // City administrator: approve from the "to approve" column of the kanban
  // (log out once the page has loaded everything, e.g. the followers' avatars).
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  await page.goto(ui.url + '/web/session/logout', {waitUntil: 'networkidle2'});
  await ui.login(process.env.YC_ROTATION_CITY, process.env.YC_ROTATION_CITY);
  await ui.openApp('青年联系');
  await ui.openMenu('“8+4”常态化下沉计划');
  await ui.clickText('.o_kanban_record .o_kanban_record_title', county);
  await expectStatus('待审批');
  await ui.button('审批通过');
  await expectStatus('已通过');
  if ((await status()) !== '已通过') throw new Error('the plan was not approved');
  await ui.shot('approved');
};
