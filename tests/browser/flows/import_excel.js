// Issue 6: a county administrator uploads an Excel file of youth, sees every row's
// result with the reason in Chinese, imports the good rows and can download the
// rejected ones.  Data and file: tests/test_browser_import.py (YC_IMPORT_FILE).
module.exports = async (ui) => {
  const page = ui.page;
  await ui.login();
  await ui.openApp('青年联系');
  await ui.openMenu('从Excel导入');
  await page.waitForSelector('.modal .o_form_view');
  await ui.idle();
  await ui.expectText('下载导入模板', '.modal');
  const input = await page.$('.modal input.o_input_file');
  await input.uploadFile(process.env.YC_IMPORT_FILE);
  await page.waitForFunction(() => [...document.querySelectorAll('.modal input')]
    .some((i) => i.value === 'youth.xlsx'));
  await ui.shot('upload');
  await ui.clickText('.modal-footer button', '检查文件');
  await ui.expectText('检查结果', '.modal');
  await ui.expectText('不在您管理的县（市、区）', '.modal');
  await ui.expectText('不是11位中国大陆手机号码', '.modal');
  await ui.shot('preview');
  await ui.clickText('.modal-footer button', '导入正确的行');
  // issue 14: the rows are imported by a background job; the user may close the
  // window, or refresh it until the job is done (bounded: 60 refreshes)
  await ui.expectText('正在导入', '.modal');
  await ui.shot('importing');
  for (let i = 0; i < 60; i += 1) {
    const done = await page.evaluate(() => document.querySelector('.modal').innerText
      .includes('导入结果'));
    if (done) break;
    await ui.clickText('.modal-footer button', '刷新');
  }
  await ui.expectText('导入结果', '.modal');
  await ui.expectText('团员青年导入错误行.xlsx', '.modal');
  await ui.shot('done');
};
