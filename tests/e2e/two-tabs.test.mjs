// Two tabs on the same draft: the second tab's save is noticed (the storage
// event) and nothing is overwritten until the official chooses.
import { test, before, after } from 'node:test';
import { serveDist, launch, openApp, screenshot } from './harness.mjs';
import { assert, newFromTemplate, paragraphUnder, waitSaved, storedDrafts } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a second tab editing the same draft is noticed before anything is overwritten', async () => {
  const a = await openApp(browser.context, server.url);
  await newFromTemplate(a);
  await paragraphUnder(a, 'Kinh tế, hạ tầng và đô thị').click();
  await a.keyboard.type('Gốc.');
  await waitSaved(a);

  // Tab B opens the same draft (the page reopens the last draft) and types.
  const b = await browser.context.newPage();
  await b.goto(server.url);
  const bPara = paragraphUnder(b, 'Kinh tế, hạ tầng và đô thị');
  await bPara.waitFor();
  assert.equal(await bPara.textContent(), 'Gốc.');
  await bPara.click();
  await b.keyboard.press('End');
  await b.keyboard.type(' Sửa ở thẻ B.');
  await waitSaved(b);

  // Tab A is told, and stops saving.
  await a.bringToFront();
  const notice = a.getByTestId('notice');
  await notice.filter({ hasText: 'vừa được sửa ở một thẻ (tab) khác' }).waitFor();
  await a.getByTestId('save-status').filter({ hasText: 'Tạm dừng lưu' }).waitFor();
  await paragraphUnder(a, 'Kinh tế, hạ tầng và đô thị').click();
  await a.keyboard.press('End');
  await a.keyboard.type(' Sửa ở thẻ A.');
  await a.waitForTimeout(1500);
  await a.keyboard.press('Control+s');
  await a.waitForTimeout(300);
  const text = () => storedDrafts(a).then((d) => JSON.stringify(Object.values(d)));
  assert.ok((await text()).includes('Gốc. Sửa ở thẻ B.'), 'tab B\'s work is intact');
  assert.ok(!(await text()).includes('Sửa ở thẻ A.'), 'tab A did not overwrite it');
  await screenshot(a, 'two-tabs');

  // A chooses to keep its version: now it is written, and B is told in turn.
  await a.getByTestId('keep-mine').click();
  await waitSaved(a);
  assert.ok((await text()).includes('Gốc. Sửa ở thẻ A.'));
  await b.getByTestId('notice').filter({ hasText: 'vừa được sửa ở một thẻ (tab) khác' }).waitFor();
  // B takes the newest version: A's text appears in B.
  await b.getByTestId('take-theirs').click();
  await paragraphUnder(b, 'Kinh tế, hạ tầng và đô thị').filter({ hasText: 'Sửa ở thẻ A.' }).waitFor();
  await b.close();
  assert.deepEqual(browser.consoleErrors, []);
});

test('a unit profile saved in another tab is the one the next report from a template uses', async () => {
  const a = await openApp(browser.context, server.url);
  await a.getByTestId('profile-missing').waitFor();
  assert.equal(await a.locator('#tpl-unit').inputValue(), 'province');

  const b = await browser.context.newPage();
  await b.goto(server.url);
  await b.getByTestId('profile-toggle').click();
  await b.getByTestId('profile-form').waitFor();
  await b.selectOption('#profile-unit', 'department');
  await b.locator('#profile-parent').fill('UBND TỈNH LÂM ĐỒNG');
  await b.locator('#profile-issuing').fill('SỞ NỘI VỤ');
  await b.locator('#profile-signer').fill('Trần Thị Bình');
  await b.getByTestId('profile-save').click();
  await b.getByTestId('notice').filter({ hasText: 'Đã lưu hồ sơ đơn vị' }).waitFor();

  // Tab A follows without a reload.
  await a.bringToFront();
  await a.getByTestId('profile-missing').waitFor({ state: 'detached' });
  assert.equal(await a.locator('#tpl-unit').inputValue(), 'department');
  await a.getByTestId('new-from-template').click();
  await a.locator('.doc-editor .sec-part').first().waitFor();
  assert.equal(await a.locator('#parent-agency').inputValue(), 'UBND TỈNH LÂM ĐỒNG');
  assert.equal(await a.locator('#issuing-agency').inputValue(), 'SỞ NỘI VỤ');
  assert.equal(await a.locator('#sign-name').inputValue(), 'Trần Thị Bình');
  await b.close();
  assert.deepEqual(browser.consoleErrors, []);
});
