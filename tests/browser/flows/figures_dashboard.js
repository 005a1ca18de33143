// Issue 13, dashboard charts (city administrator): count axes in whole steps,
// county labels that do not overlap, no legend over single-series bars, the
// monthly line without the current partial month (the analysis marks it).
module.exports = async (ui) => {
  const page = ui.page;
  await ui.login();
  await ui.openApp('青年联系');
  await ui.openMenu('仪表板');
  await page.waitForFunction(() => document.querySelectorAll('.o_dashboard .nv-wrap').length >= 4);
  await ui.idle();   // (until nvd3's transitions have stopped changing the charts)
  const charts = await page.$$eval('.o_dashboard .oe_action', (actions) => actions.map((a) => ({
    title: (a.querySelector('.oe_header') || a).innerText.split('\n')[0].trim(),
    yTicks: [...a.querySelectorAll('.nv-y .tick text')].map((t) => t.textContent),
    xTicks: [...a.querySelectorAll('.nv-x .tick text')].map((t) => t.textContent),
    xBoxes: [...a.querySelectorAll('.nv-x .tick text')].map((t) => {
      const b = t.getBoundingClientRect();
      return [b.left, b.right, b.top, b.bottom];
    }),
    legend: a.querySelectorAll('.nv-legendWrap .nv-series').length,
    svg: !!a.querySelector('svg'),
  })));
  const problems = [];
  for (const chart of charts.filter((c) => c.svg)) {
    if (chart.yTicks.some((t) => /\.\d*[1-9]/.test(t))) {
      problems.push(`${chart.title}: fractional steps ${chart.yTicks.join(' ')}`);
    }
    if (chart.legend === 1) problems.push(`${chart.title}: a one-series legend over the chart`);
    const boxes = chart.xBoxes;
    for (let i = 1; i < boxes.length; i++) {
      const [l1, r1, t1, b1] = boxes[i - 1];
      const [l2, r2, t2, b2] = boxes[i];
      const overlap = Math.min(r1, r2) - Math.max(l1, l2) > 2 && Math.min(b1, b2) - Math.max(t1, t2) > 2;
      if (overlap) { problems.push(`${chart.title}: labels overlap (${chart.xTicks[i - 1]} / ${chart.xTicks[i]})`); break; }
    }
  }
  const monthly = charts.find((c) => c.title.includes('每月'));
  if (!monthly) throw new Error('no monthly chart on the dashboard: ' + charts.map((c) => c.title).join(', '));
  const now = new Date();
  const current = `${now.getFullYear()}年${now.getMonth() + 1}月`;
  if (monthly.xTicks.some((t) => t.replace(/\s/g, '').includes(current))) {
    problems.push(`monthly chart shows the current partial month: ${monthly.xTicks.join(' ')}`);
  }
  await ui.shot('dashboard');
  if (problems.length) throw new Error(problems.join('\n'));
};
