// Issue 13: after "导出 Excel" on a form the other buttons of the form work
// (they stayed disabled until a reload).  A county administrator exports his
// half-year report, then submits it without the work summary: the refusal shows
// a user error dialog titled "提示" (errors were no longer shown at all after an
// export); then "更新数据" refreshes the figures.
// Data: tests/test_browser_approvals.py (a draft report, id in YC_APPR_REPORT).
module.exports = async (ui) => {
  const page = ui.page;
  await ui.login();
  await page.goto(`${ui.url}/web?reload=1#model=league.halfyear.report&id=${process.env.YC_APPR_REPORT}` +
                  '&view_type=form', {waitUntil: 'networkidle2'});
  await page.waitForSelector('.o_form_view.o_form_readonly');
  await ui.idle();
  await ui.downloadXlsx('导出 Excel');
  await ui.idle();
  const disabled = await page.$$eval('.o_form_statusbar .o_statusbar_buttons button',
                                     (bs) => bs.filter((b) => b.disabled).map((b) => b.innerText));
  if (disabled.length) throw new Error('buttons still disabled after the export: ' + disabled);
  await ui.shot('exported');

  // a refused submission: a user error dialog, titled as such
  ui.allowConsoleError(/cannot be submitted|不能提交|无法提交|请描述|Describe/);
  await ui.button('报送团市委');
  await page.waitForSelector('.modal .modal-title');
  const title = await page.$eval('.modal .modal-title', (e) => e.innerText.trim());
  await ui.shot('user-error');
  if (title !== '提示') throw new Error('the error dialog is titled "' + title + '"');
  await ui.clickText('.modal-footer button', '确定');

  await ui.button('更新数据');
  if (await page.$('.modal')) throw new Error('refreshing the figures failed');
  await ui.shot('refreshed');
};
