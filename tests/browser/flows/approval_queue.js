// Issue 13: the city administrator opens "what waits for approval" (first entry
// of the League app), finds the "8+4" plan of NEXT year submitted by a county,
// opens it from the list and approves it; the plan leaves the list.
// Data: tests/test_browser_approvals.py (a county of its own, plan submitted by RPC).
module.exports = async (ui) => {
  const page = ui.page;
  const county = process.env.YC_APPR_COUNTY;
  const nextYear = String(new Date().getFullYear() + 1);
  const expectStatus = async (label) => {
    await page.waitForFunction((l) => {
      const el = document.querySelector('.o_statusbar_status .btn-primary');
      return el && el.textContent.trim() === l;
    }, {}, label);
  };
  const rowOf = (text) => page.evaluate((t) => [...document.querySelectorAll(
    '.o_list_view tr.o_data_row')].some((r) => r.innerText.includes(t)), text);

  await ui.login();
  await ui.openApp('青年联系');
  await ui.openMenu('待审批事项');
  await ui.expectText(county, '.o_list_view');
  const row = await page.evaluate((c) => {
    const r = [...document.querySelectorAll('.o_list_view tr.o_data_row')]
      .find((tr) => tr.innerText.includes(c));
    return r && r.innerText;
  }, county);
  if (!row.includes('“8+4”') || !row.includes(nextYear)) {
    throw new Error('the queue row does not show the kind and the year: ' + row);
  }
  await ui.shot('queue');
  await page.evaluate((c) => {
    const r = [...document.querySelectorAll('.o_list_view tr.o_data_row')]
      .find((tr) => tr.innerText.includes(c));
    r.querySelector('button.o_league_queue_open').click();
  }, county);
  await ui.idle();
  await expectStatus('待审批');
  await ui.expectText(nextYear, '.o_form_view');
  await ui.button('审批通过');
  await expectStatus('已通过');
  await ui.shot('approved');
  // back to the queue: the plan is no longer there
  await ui.clickText('.breadcrumb li a', '待审批事项');
  await page.waitForSelector('.o_list_view');
  if (await rowOf(county)) throw new Error('the approved plan is still in the queue');
  await ui.shot('queue-after');
};
