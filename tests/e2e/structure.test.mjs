// Editing the report as its structure: numbers follow from the place
// (Alt+Shift+→/←, move, delete, undo), Enter splits a paragraph, footnotes are
// numbered by order, detail tables grow and shrink; the page stays usable
// by keyboard and at 200% zoom.
import { test, before, after } from 'node:test';
import { serveDist, launch, openApp, screenshot } from './harness.mjs';
import { assert, newFromTemplate, paragraphUnder, headingLabels, unlabelledControls, waitFocus } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('outline levels, moves and deletions renumber; Enter splits; footnotes follow reading order', async () => {
  const page = await openApp(browser.context, server.url);
  await newFromTemplate(page);
  const labels = await headingLabels(page);
  assert.equal(labels[1], '1. Kinh tế, hạ tầng và đô thị');
  assert.equal(labels[2], '2. Đầu tư xây dựng cơ bản');

  // Alt+Shift+→ in a title (Word's outline key): the item goes under the one above it.
  await page.locator('.heading-row .rich', { hasText: 'Đầu tư xây dựng cơ bản' }).first().click();
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await page.waitForFunction(() => [...document.querySelectorAll('.heading-row .num')].some((n) => n.textContent === '1.1.'));
  let now = await headingLabels(page);
  assert.equal(now[2], '1.1. Đầu tư xây dựng cơ bản');
  assert.equal(now[3], '2. Nông nghiệp và Môi trường, đất đai, giải phóng mặt bằng');
  // The title keeps the keyboard focus; Alt+Shift+← puts it back.
  await page.waitForFunction(() => document.activeElement.textContent === 'Đầu tư xây dựng cơ bản');
  await page.keyboard.press('Alt+Shift+ArrowLeft');
  await page.waitForFunction(() => ![...document.querySelectorAll('.heading-row .num')].some((n) => n.textContent === '1.1.'));
  assert.deepEqual(await headingLabels(page), labels);

  // Move item 2 up, then delete item 1 and undo.
  const itemTwo = page.locator('section.sec', { has: page.locator(':scope > .heading-row .rich', { hasText: 'Đầu tư xây dựng cơ bản' }) }).first();
  await itemTwo.locator(':scope > .heading-row').getByRole('button', { name: 'Chuyển mục lên trên' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.heading-row')[1].textContent.includes('Đầu tư'));
  now = await headingLabels(page);
  assert.equal(now[1], '1. Đầu tư xây dựng cơ bản');
  assert.equal(now[2], '2. Kinh tế, hạ tầng và đô thị');
  const rowsBefore = await page.locator('.doc-editor .heading-row').count();
  await itemTwo.locator(':scope > .heading-row').getByRole('button', { name: 'Xoá mục cùng nội dung' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('.doc-editor .heading-row').length === n - 1, rowsBefore);
  now = await headingLabels(page);
  assert.equal(now[1], '1. Kinh tế, hạ tầng và đô thị');
  await page.getByTestId('undo').click();
  await page.waitForFunction(() => document.querySelectorAll('.heading-row')[1].textContent.includes('Đầu tư'));
  assert.equal((await headingLabels(page))[1], '1. Đầu tư xây dựng cơ bản');

  // Enter splits a paragraph at the caret; Backspace at its start joins it back.
  const para = paragraphUnder(page, 'Kinh tế, hạ tầng và đô thị');
  await para.click();
  await page.keyboard.type('Câu thứ nhất. Câu thứ hai.');
  for (let i = 0; i < 'Câu thứ hai.'.length; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  const section = page.locator('section.sec', { has: page.locator(':scope > .heading-row .rich', { hasText: 'Kinh tế, hạ tầng và đô thị' }) }).first();
  const paras = section.locator(':scope > .block.para .rich');
  await page.waitForFunction(() => document.activeElement?.textContent === 'Câu thứ hai.');
  assert.deepEqual(await paras.allTextContents(), ['Câu thứ nhất. ', 'Câu thứ hai.']);

  // A footnote in the second paragraph, then one in the first: numbers follow the text.
  await page.keyboard.press('End');
  await page.getByTestId('insert-footnote').click();
  await waitFocus(page, 't-f-1');
  await page.keyboard.type('Chú thích của câu hai');
  await paras.first().click();
  await page.keyboard.press('End');
  await page.getByTestId('insert-footnote').click();
  await waitFocus(page, 't-f-1');
  await page.keyboard.type('Chú thích của câu một');
  await page.waitForFunction(() => document.querySelectorAll('.fn-item').length === 2);
  assert.equal(await paras.nth(0).locator('sup.note').textContent(), '1');
  assert.equal(await paras.nth(1).locator('sup.note').textContent(), '2');
  assert.equal(await page.locator('#t-f-1').textContent(), 'Chú thích của câu một');
  assert.equal(await page.locator('#t-f-2').textContent(), 'Chú thích của câu hai');

  // Deleting a marker with the text renumbers the others; its note stays, flagged.
  await paras.first().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.waitForFunction(() => document.querySelector('#t-f-1')?.textContent === 'Chú thích của câu hai');
  assert.equal(await paras.nth(1).locator('sup.note').textContent(), '1');
  assert.equal(await paras.nth(0).locator('sup.note').count(), 0);
  assert.match(await page.locator('#fn-2').textContent(), /không có chỗ dẫn chiếu/);

  // Backspace at the start of the second paragraph joins the two.
  await paras.nth(1).click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Backspace');
  await page.waitForFunction(() => document.activeElement?.textContent.startsWith('Câu thứ nhất.'));
  assert.equal(await section.locator(':scope > .block.para').count(), 1);
  await screenshot(page, 'structure-footnotes');
});

test('a detail table gets rows and columns added and removed', async () => {
  const page = await openApp(browser.context, server.url);
  const item = page.locator('section.sec', { has: page.locator(':scope > .heading-row .rich', { hasText: 'Nông nghiệp và Môi trường' }) }).first();
  await item.locator(':scope > .heading-row .add-menu > summary').click();
  await item.getByRole('button', { name: 'Bảng chi tiết cuối mục' }).click();
  const table = item.locator('.table-block');
  await table.waitFor();
  const cols = () => table.locator('tr').first().locator('textarea.cell').count();
  const rows = () => table.locator('tr:not(.col-tools)').count();
  assert.equal(await cols(), 3);
  assert.equal(await rows(), 2);
  await table.getByRole('button', { name: '+ Dòng' }).click();
  await table.getByRole('button', { name: '+ Cột' }).click();
  assert.equal(await rows(), 3);
  assert.equal(await cols(), 4);
  await table.locator('tr').nth(1).locator('textarea.cell').nth(1).fill('Thu ngân sách');
  await table.getByRole('button', { name: 'Xoá cột 1' }).click();
  assert.equal(await cols(), 3);
  assert.equal(await table.locator('tr').nth(1).locator('textarea.cell').first().inputValue(), 'Thu ngân sách');
  await table.getByRole('button', { name: 'Xoá dòng 2' }).click();
  assert.equal(await rows(), 2);
  await screenshot(page, 'structure-table');
  assert.deepEqual(browser.consoleErrors, []);
});

test('every control is labelled, the keyboard reaches the text, and 200% zoom reflows', async () => {
  const page = await openApp(browser.context, server.url);
  assert.deepEqual(await unlabelledControls(page), []);
  // From the toolbar, Tab reaches the header form and then the first title.
  await page.getByTestId('download-docx').focus();
  let reached = '';
  for (let i = 0; i < 40 && !reached.includes('rich'); i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement.className);
  }
  assert.match(reached, /rich/, 'Tab reaches the report text');
  // Formatting from the keyboard: select a word, go to the B button, press Enter.
  await page.keyboard.press('Escape');
  await paragraphUnder(page, 'Công tác chuyển đổi số').focus();
  await page.keyboard.type('Kết quả nổi bật');
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await page.getByRole('button', { name: 'Chữ đậm (Ctrl+B)' }).focus();
  await page.keyboard.press('Enter');
  const bold = page.locator('.doc-editor .rich b', { hasText: 'bật' });
  await bold.waitFor();
  assert.equal(await bold.textContent(), 'bật');
  // 200% zoom of a 1400 px window: a 700 px wide layout, nothing cut off.
  await page.setViewportSize({ width: 700, height: 900 });
  await page.waitForTimeout(200);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `no horizontal scrolling, overflow ${overflow}px`);
  assert.ok(await page.locator('.findings').isVisible());
  await screenshot(page, 'zoom-200');
  await page.getByRole('button', { name: '☰ Bản nháp' }).click();
  assert.ok(await page.getByRole('heading', { name: 'Bản nháp' }).isVisible());
  await screenshot(page, 'zoom-200-drafts');
  await page.setViewportSize({ width: 1400, height: 900 });

  // "Kiểm tra trước khi gửi": labelled, focus moves in, Tab stays in the
  // modal, Esc closes it and focus goes back to "Tải về .docx".
  await page.getByTestId('download-docx').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Kiểm tra trước khi gửi' });
  await dialog.waitFor();
  assert.deepEqual(await unlabelledControls(page), []);
  await page.waitForFunction(() => document.activeElement?.closest('dialog.presend'));
  const order = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => (document.activeElement?.closest('dialog.presend') ? 'in' : document.activeElement?.tagName)));
  }
  assert.ok(order.every((o) => o === 'in' || o === 'BODY'), order.join(','));
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.id === 'download-docx');
});
