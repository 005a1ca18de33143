// Issue 13: a cadre answers a concern and escalates another through their
// dialogs, without editing the form first; an escalation text made of blanks
// is refused by the server with an error dialog titled in Chinese as a user
// error ("校验错误"), not "Odoo Server Error".
// Data: tests/test_browser_approvals.py (two concerns of the cadre, ids in YC_APPR_CONCERNS).
module.exports = async (ui) => {
  const page = ui.page;
  const [answerId, escalateId] = process.env.YC_APPR_CONCERNS.split(',');
  const expectStatus = async (label) => {
    await page.waitForFunction((l) => {
      const el = document.querySelector('.o_statusbar_status .btn-primary');
      return el && el.textContent.trim() === l;
    }, {}, label);
  };
  const openConcern = async (id) => {
    // a full page load (a change of the hash alone may be missed by the client)
    await page.goto(`${ui.url}/web?concern=${id}#model=league.concern&id=${id}&view_type=form`,
                    {waitUntil: 'networkidle2'});
    await page.waitForSelector('.o_form_view.o_form_readonly');
    await ui.idle();
  };
  const dialogField = async (name, value) => {
    const sel = `.modal .o_form_view textarea[name="${name}"], .modal .o_form_view [name="${name}"] textarea`;
    await page.waitForSelector(sel, {visible: true});
    await page.click(sel, {clickCount: 3});
    await page.type(sel, value);
  };

  await ui.login();
  // answer
  await openConcern(answerId);
  await ui.button('答复');
  await ui.expectText('答复问题', '.modal-title');
  await dialogField('answer', '已推荐参加县人社局招聘会');
  await ui.shot('answer-dialog');
  await ui.clickText('.modal-footer button', '确认答复');
  await expectStatus('已答复');
  await ui.expectText('已推荐参加县人社局招聘会', '.o_form_view');
  await ui.shot('answered');

  // escalate: blanks are refused by the server (a user error dialog), then a real text
  await openConcern(escalateId);
  await ui.button('向上反映');
  await ui.expectText('向上反映问题', '.modal-title');
  await ui.clickText('.modal .o_field_radio label', '反映给党政职能部门');
  await dialogField('escalation_note', '   ');
  ui.allowConsoleError(/请填写向谁、以何种方式反映该问题/);
  await ui.clickText('.modal-footer button', '向上反映');
  await page.waitForFunction(() => [...document.querySelectorAll('.modal')]
    .some((m) => m.innerText.includes('请填写向谁、以何种方式反映该问题')));
  const title = await page.evaluate(() => {
    const modal = [...document.querySelectorAll('.modal')]
      .find((m) => m.innerText.includes('请填写向谁、以何种方式反映该问题'));
    return modal.querySelector('.modal-title').innerText.trim();
  });
  await ui.shot('user-error-title');
  if (title !== '校验错误') throw new Error('the error dialog is titled "' + title + '"');
  await page.evaluate(() => {
    const modal = [...document.querySelectorAll('.modal')]
      .find((m) => m.innerText.includes('请填写向谁、以何种方式反映该问题'));
    modal.querySelector('.modal-footer button').click();
  });
  await ui.idle();
  await dialogField('escalation_note', '已报县人社局创业担保贷款窗口');
  await ui.clickText('.modal-footer button', '向上反映');
  await expectStatus('已上报');
  await ui.shot('escalated');
};
