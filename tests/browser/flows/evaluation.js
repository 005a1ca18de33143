// The city administrator computes and publishes an evaluation, opens its
// bulletin and downloads the ranking bulletin (.xlsx, a report_xlsx report:
// Chinese file name), then prints the compliance list of selected cadres from
// the Print menu of the list.
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
  await download('考核排名');
  // the Print menu of the cadres' list
  await ui.openMenu('团干部');
  await page.click('.o_cp_switch_list');
  await ui.idle();
  await page.waitForSelector('.o_list_view tbody .o_list_record_selector input');
  await page.click('.o_list_view tbody tr:nth-child(1) .o_list_record_selector input');
  await page.click('.o_list_view tbody tr:nth-child(2) .o_list_record_selector input');
  await ui.clickText('.o_cp_sidebar button', '打印');
  await ui.shot('print_menu');
  await ui.clickText('.o_cp_sidebar .dropdown-menu a', '团干部落实情况清单（Excel）');
  await download('团干部落实情况清单');
  fs.rmSync(downloads, {recursive: true, force: true});

  async function download(prefix) {
    const deadline = Date.now() + 60000;
    let file = null;
    while (!file && Date.now() < deadline) {
      file = fs.readdirSync(downloads).find((f) => f.startsWith(prefix) && f.endsWith('.xlsx'));
      if (!file) await new Promise((r) => setTimeout(r, 500));
    }
    if (!file) {
      throw new Error(prefix + '*.xlsx was not downloaded (' + fs.readdirSync(downloads) + ')');
    }
    const content = fs.readFileSync(path.join(downloads, file));
    if (content.slice(0, 2).toString() !== 'PK') throw new Error(file + ' is not an .xlsx file');
  }
};
