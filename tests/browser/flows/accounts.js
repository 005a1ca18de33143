// Issue 13, accounts and arrival: the login page is Chinese whatever the
// browser's language; a county administrator lands on 待我处理 and issues an
// initial password to a cadre of the county; the cadre logs in with it, must
// change it, then lands on 我的联系青年.  No empty 仪表板 app for League users.
// Data: tests/test_browser_accounts.py (a county of its own with one cadre).
module.exports = async (ui) => {
  const page = ui.page;
  // the apps of web_responsive's app drawer (in the page even while it is closed)
  const appNames = () => page.$$eval('#appDrawerApps a[data-menu]',
    (as) => as.map((a) => a.textContent.trim()));
  const noDashboardApp = async () => {
    const apps = await appNames();
    if (!apps.includes('青年联系')) throw new Error('no League app in the drawer: ' + apps);
    if (apps.includes('仪表板')) throw new Error('empty Dashboards app shown');
  };
  const breadcrumb = () => page.$eval('.o_control_panel .breadcrumb', (e) => e.innerText.trim());

  // The login page in the database's language, also for an English browser.
  await page.setExtraHTTPHeaders({'Accept-Language': 'en-US,en;q=0.9'});
  await page.goto(ui.url + '/web/login', {waitUntil: 'networkidle2'});
  await ui.expectText('账号', 'form.oe_login_form');
  await ui.expectText('密码', 'form.oe_login_form');
  await ui.expectText('登录', 'form.oe_login_form');
  await ui.shot('login-page');

  // The county administrator lands on what waits for them.
  await ui.login();
  await page.waitForSelector('.o_control_panel .breadcrumb');
  await ui.idle();
  if ((await breadcrumb()) !== '待我处理') throw new Error('admin home: ' + await breadcrumb());
  await noDashboardApp();
  await ui.shot('admin-home');

  // Issue an initial password from the cadre form.
  await ui.openMenu('团干部');
  await ui.clickText('.o_kanban_record *', '测试账号团干部');
  await ui.button('签发初始密码');
  await page.waitForSelector('.modal .o_form_view');
  await ui.idle();
  await ui.expectText('测试账号团干部', '.modal');
  await ui.shot('issue-wizard');
  await ui.clickText('.modal-footer button', '签发密码');
  await page.waitForSelector('.modal .o_league_initial_passwords');
  await ui.idle();
  const [login, password] = await page.$$eval('.o_league_initial_passwords tbody td code',
    (cs) => cs.map((c) => c.textContent.trim()));
  if (!/^tg\d{5}$|^acct_/.test(login) || !/^[a-km-zA-HJ-NP-Z2-9]{10}$/.test(password)) {
    throw new Error(`unexpected login/password ${login} / ${password}`);
  }
  await ui.shot('issued-passwords');
  // printable list: a page of its own with the password
  const [popup] = await Promise.all([
    new Promise((resolve) => page.browser().once('targetcreated', (t) => resolve(t.page()))),
    ui.clickText('.o_league_initial_passwords button', '打印'),
  ]);
  await popup.waitForFunction((p) => document.body && document.body.innerText.includes(p), {},
    password);
  await popup.close();
  await ui.clickText('.o_league_initial_passwords button', '关闭');
  await page.waitForFunction(() => !document.querySelector('.modal .o_league_initial_passwords'));
  await page.goto(ui.url + '/web/session/logout', {waitUntil: 'networkidle2'});

  // The cadre logs in with it and must change it first.
  await page.goto(ui.url + '/web/login', {waitUntil: 'networkidle2'});
  await page.type('input[name=login]', login);
  await page.type('input[name=password]', password);
  await Promise.all([page.waitForNavigation({waitUntil: 'networkidle2'}),
                     page.click('button[type=submit]')]);
  if (!page.url().endsWith('/web/league/change_password')) throw new Error('not forced: ' + page.url());
  await ui.expectText('初始密码', 'form');
  await ui.shot('forced-change');
  await page.goto(ui.url + '/web', {waitUntil: 'networkidle2'});
  if (!page.url().endsWith('/web/league/change_password')) throw new Error('/web not gated');
  await page.type('input[name=old_password]', password);
  await page.type('input[name=new_password]', 'qingnian2026');
  await page.type('input[name=confirm_password]', 'qingnian2026');
  await Promise.all([page.waitForNavigation({waitUntil: 'networkidle2'}),
                     page.click('button[type=submit]')]);
  await page.waitForSelector('.main-nav');
  await page.waitForSelector('.o_control_panel .breadcrumb');
  await ui.idle();
  if ((await breadcrumb()) !== '我的联系青年') throw new Error('cadre home: ' + await breadcrumb());
  await noDashboardApp();
  await ui.shot('cadre-home');
};
