// Log in, open the 青年联系 app, check the Chinese labels.
module.exports = async (ui) => {
  await ui.login();
  await ui.openApp('青年联系');
  await ui.expectText('日常工作', '.o_sub_menu');
  await ui.shot('app');
};
