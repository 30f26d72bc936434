// "Tạo báo cáo tháng sau": last month's report (seed 001, opened from its
// text file) becomes next month's draft; every figure carried over is marked
// until edited or confirmed, and the stale finding lists those left.
import { test, before, after } from 'node:test';
import path from 'node:path';
import { serveDist, launch, openApp, screenshot, seedsDir } from './harness.mjs';
import { assert, typeTimed, pageTiming, waitSaved, storedDrafts } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('next month carries the report over, marks its figures, and shows last month\'s tasks', async () => {
  const page = await openApp(browser.context, server.url);

  // Open last month's report from its text file.
  const t0 = Date.now();
  await page.getByTestId('import-file').setInputFiles(path.join(seedsDir, '001_1a00eb9240ccd3d2.txt'));
  await page.locator('.fn-item').nth(26).waitFor();
  console.log(`  import + open of seed 001 (44 KB, 27 footnotes): ${Date.now() - t0} ms`);
  assert.equal(await page.locator('.fn-item').count(), 27);
  assert.match(await page.getByTestId('notice').textContent(), /3 phần, 27 chú thích/);
  await waitSaved(page);

  // Time to open a seed-sized draft from the list.
  await page.getByTestId('new-draft').click();
  await page.locator('.doc-editor').waitFor();
  const t1 = Date.now();
  await page.getByRole('button', { name: 'Mở bản nháp Báo cáo tháng 3/2025' }).click();
  await page.locator('.fn-item').nth(26).waitFor();
  console.log(`  open a seed-sized draft from the list: ${Date.now() - t1} ms (page's own measure ${await pageTiming(page, 'open')} ms)`);

  // Keystrokes in a long report, at the end of a paragraph without figures
  // (Ctrl+End: End alone stops at the end of the visual line).
  const long = page.locator('.block.para .rich', { hasText: 'Chỉ đạo các cơ quan, đơn vị liên quan chủ động nắm tình hình' });
  await long.click();
  await page.keyboard.press('Control+End');
  const perKey = await typeTimed(page, ' Thêm một câu để đo thời gian gõ.');
  console.log(`  keystroke round trip in seed 001: ${perKey.toFixed(1)} ms/key; input handler ${await pageTiming(page, 'input')} ms; checks ${await pageTiming(page, 'checks')} ms`);
  assert.match(await long.textContent(), /trên địa bàn duy trì ổn định, không có phát sinh nổi cộm\. Thêm một câu để đo thời gian gõ\.$/);

  // Start next month's report from it.
  const march = page.getByTestId('draft-item').filter({ hasText: 'Báo cáo tháng 3/2025' });
  await march.getByTestId('next-month').click();
  await page.getByRole('heading', { name: 'Báo cáo tháng 4/2025', level: 2 }).waitFor();
  assert.equal(await page.locator('#summary').inputValue(),
    'Tình hình phát triển kinh tế - xã hội, quốc phòng - an ninh tháng 4/2025, nhiệm vụ công tác tháng 5/2025');
  assert.equal(await page.locator('#date-month').inputValue(), '4');
  assert.equal(await page.locator('#date-day').inputValue(), '');
  assert.ok(await page.locator('.heading-row .rich', { hasText: 'NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THÁNG 5/2025' }).isVisible());
  assert.equal(await page.locator('.fn-item').count(), 27);
  assert.equal(await page.locator('#recipient-0').inputValue(), 'UBND tỉnh (b/c);');

  // Last month's tasks beside the editor.
  const tasks = page.getByTestId('previous-tasks');
  await tasks.waitFor();
  assert.match(await tasks.locator('summary').textContent(), /Nhiệm vụ đã đề ra cho tháng 4\/2025/);
  assert.match(await tasks.textContent(), /NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THÁNG 4\/2025/);

  // Every figure of the month is marked (not years of plans, ký hiệu or
  // older dates), and the stale finding lists them.
  const marks = page.locator('.doc-editor mark.stale');
  const before = await marks.count();
  assert.ok(before > 120, `figures marked: ${before}`);
  const markedTexts = await marks.allTextContents();
  for (const never of ['2021', '2030', '1/500', '154']) {
    assert.ok(!markedTexts.includes(never), `${never} is not a figure of the month`);
  }
  const staleGroup = page.getByTestId('findings');
  await staleGroup.locator('.finding[data-rule="stale"]').first().waitFor();
  const revenue = staleGroup.locator('.finding', { hasText: '10.595' });
  assert.match(await revenue.textContent(), /5 số liệu chép từ tháng trước, chưa cập nhật: 12\/03\/2025; 10\.595; 32,2; 29,2; 122,7/);
  await screenshot(page, 'next-month');

  // Updating a figure: select the old one and type the new one.
  const para = page.locator('.block.para .rich', { hasText: 'Công tác thu NSNN thành phố trong tháng' });
  const mark = para.locator('mark.stale', { hasText: '10.595' });
  await mark.evaluate((el) => {
    el.closest('.rich').focus();
    const r = document.createRange();
    r.selectNodeContents(el);
    getSelection().removeAllRanges();
    getSelection().addRange(r);
  });
  await page.keyboard.type('12.345');
  await page.waitForFunction(() => ![...document.querySelectorAll('.finding')].some((f) => f.textContent.includes('10.595')));
  assert.match(await staleGroup.locator('.finding', { hasText: '12/03/2025' }).textContent(), /4 số liệu/);
  assert.equal(await para.locator('mark.stale').count(), 4);

  // Confirming: the figures of that paragraph stay as they are.
  await staleGroup.locator('.finding', { hasText: '12/03/2025' }).getByRole('button', { name: /^Xác nhận số liệu/ }).click();
  await page.waitForFunction(() => ![...document.querySelectorAll('.finding')].some((f) => f.textContent.includes('12/03/2025')));
  assert.equal(await para.locator('mark.stale').count(), 0);
  const left = await marks.count();
  assert.equal(left, before - 5);
  // A finding about a footnote's figures leads to the footnote.
  const noteFinding = staleGroup.locator('.finding', { hasText: 'Chú thích 2' }).first();
  await noteFinding.locator('.finding-go').click();
  await page.locator('#fn-2.flash').waitFor();

  await page.keyboard.press('Control+s');
  await waitSaved(page);

  // The marks are stored (schema 2) and come back after a reload.
  const stored = Object.values(await storedDrafts(page)).find((d) => d?.name === 'Báo cáo tháng 4/2025');
  assert.equal(stored.schema_version, 2);
  assert.equal(stored.report.stale.length, left);
  assert.equal(stored.previous_tasks.month, 4);
  await page.reload();
  await page.locator('.fn-item').nth(26).waitFor();
  assert.equal(await page.locator('.doc-editor mark.stale').count(), left);
  assert.match(await page.locator('.block.para .rich', { hasText: 'Công tác thu NSNN' }).textContent(), /12\.345 triệu đồng/);
  await page.getByTestId('previous-tasks').waitFor();
  assert.deepEqual(browser.consoleErrors, []);
});
