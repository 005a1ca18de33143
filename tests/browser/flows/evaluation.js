// The city administrator computes and publishes an evaluation, opens its
// bulletin and downloads the ranking bulletin (.xlsx).
const fs = require('fs');
const os = require('os');
const path = require('path');

module.exports = async (ui) => {
  const page = ui.page;
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-download-'));
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', {behavior: 'allow', downloadPath: downloads});

  await ui.login();
  await ui.openApp('青年联系');
  await ui.openMenu('考核评估');
  await ui.button('创建');
  await ui.fill('name', '浏览器测试考核');
  await ui.button('保存');
  await ui.expectText('草稿', '.o_statusbar_status');
  await ui.button('计算');
  await ui.expectText('县（市、区）排名', '.o_form_view');
  await page.waitForFunction(() => document.querySelector('.o_statusbar_status .btn-primary') &&
    document.querySelector('.o_statusbar_status .btn-primary').textContent.includes('已计算'));
  await ui.shot('computed');
  await ui.button('通报');
  await ui.clickText('.modal-footer button', '确定');
  await page.waitForFunction(() => document.querySelector('.o_statusbar_status .btn-primary') &&
    document.querySelector('.o_statusbar_status .btn-primary').textContent.includes('已通报'));
  // the bulletin created by publishing
  await ui.clickText('.oe_button_box button', '通报');
  await ui.expectText('排名靠前的团干部', '.o_form_view');
  await ui.shot('bulletin');
  await ui.button('导出排名（Excel）');
  const deadline = Date.now() + 60000;
  let file = null;
  while (!file && Date.now() < deadline) {
    file = fs.readdirSync(downloads).find((f) => f.endsWith('.xlsx'));
    if (!file) await new Promise((r) => setTimeout(r, 500));
  }
  if (!file) throw new Error('the ranking bulletin was not downloaded');
  const content = fs.readFileSync(path.join(downloads, file));
  if (content.slice(0, 2).toString() !== 'PK') throw new Error('the download is not an .xlsx file');
  fs.rmSync(downloads, {recursive: true, force: true});
};
