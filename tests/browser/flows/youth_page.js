// Issue 15: the youth's page of a contact on a phone (390x844, touch), without
// login, as a youth opens it from a WeChat link: confirm that the cadre keeps in
// touch, rate the cadre, raise a concern.  On every step nothing scrolls sideways
// and the buttons are shown within the viewport.  Data: tests/test_browser_youth_page.py
// (the page's path in YC_YOUTH_PAGE).
module.exports = async (ui) => {
  const page = ui.page;
  const screen = async (name, buttons) => {
    await ui.noHorizontalScroll(name);
    if (buttons) await ui.visibleInViewport('button', buttons);
    await ui.shot(name);
  };
  // Tap a submit button by its text and wait for the answer page.
  const submit = async (text) => {
    const button = await page.evaluateHandle((t) => [...document.querySelectorAll('button')]
      .find((b) => b.textContent.trim() === t), text);
    await button.evaluate((b) => b.scrollIntoView({block: 'center'}));
    await Promise.all([page.waitForNavigation({waitUntil: 'load'}), button.tap()]);
  };

  await ui.phone();
  await page.goto(ui.url + process.env.YC_YOUTH_PAGE, {waitUntil: 'load'});
  await ui.expectText('我的联系团干部');
  await ui.expectText('青年页团干部');
  await screen('page', ['这名团干部与我保持联系', '我不认识这名团干部']);

  // 1. Confirm: the rating and concern forms appear.
  await submit('这名团干部与我保持联系');
  await ui.expectText('感谢你的确认');
  await page.waitForSelector('input[name="rating"]');
  await screen('confirmed');

  // 2. Rate 4 with a comment.
  await page.evaluate(() => {
    document.querySelector('input[name="rating"][value="4"]').scrollIntoView({block: 'center'});
  });
  await page.tap('input[name="rating"][value="4"]');
  await page.type('textarea[name="comment"]', '每次有政策都及时告诉我。');
  await ui.shot('rating');
  await submit('提交评价');
  await ui.expectText('感谢你的评价');
  await ui.noHorizontalScroll('rated');
  await ui.shot('rated');

  // 3. A concern.
  await page.select('select[name="kind"]', 'suggestion');
  await page.type('textarea[name="text"]', '希望多组织青年创业交流活动。');
  await page.evaluate(() => {
    document.querySelector('textarea[name="text"]').scrollIntoView({block: 'center'});
  });
  await ui.shot('concern');
  await submit('发送给我的团干部');
  await ui.expectText('你的诉求已发送给你的团干部');
  await screen('concern-sent');
};
