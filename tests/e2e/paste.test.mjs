// Paste: text pasted into the body is read by the importer (headings,
// footnotes, m²) instead of landing as one blob.
import { test, before, after } from 'node:test';
import { serveDist, launch, openApp, screenshot, newDraftWithoutWorker } from './harness.mjs';
import { assert, seed001, pastePlainText, headingLabels, pageTiming, waitSaved } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('pasting seed 001 gives its parts, items and 27 footnotes', async () => {
  const page = await openApp(browser.context, server.url);
  await page.getByTestId('new-draft').click();
  const field = page.locator('.doc-editor .block.para .rich').first();
  await field.click();
  const t0 = Date.now();
  await pastePlainText(field, seed001);
  await page.locator('.fn-item').nth(26).waitFor();
  console.log(`  paste of seed 001: ${Date.now() - t0} ms (import + insert ${await pageTiming(page, 'paste')} ms)`);
  assert.equal(await page.locator('.fn-item').count(), 27);
  assert.equal(await page.locator('.doc-editor sup.note').count(), 27);
  const labels = await headingLabels(page);
  assert.equal(labels[0], 'I. NHỮNG KẾT QUẢ ĐẠT ĐƯỢC');
  assert.ok(labels.includes('II. ĐÁNH GIÁ CHUNG'));
  assert.ok(labels.includes('III. NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THÁNG 4/2025'));
  assert.ok(labels.includes('a) Giáo dục - Đào tạo'));
  // The header lines went to their fields, not into the body.
  assert.equal(await page.locator('#summary').inputValue(),
    'Tình hình phát triển kinh tế - xã hội, quốc phòng - an ninh tháng 3/2025, nhiệm vụ công tác tháng 4/2025');
  assert.equal(await page.locator('#doc-code').inputValue(), 'BC-UBND');
  assert.equal(await page.locator('#sign-name').inputValue(), 'Nguyễn Văn Hạnh');
  assert.equal(await page.locator('#recipient-9').inputValue(), 'Lưu: VT.');
  // m² stays a unit.
  assert.match(await page.locator('.block.para .rich', { hasText: 'diện tích 6.686,4' }).textContent(), /6\.686,4m²/);
  await waitSaved(page);
  await screenshot(page, 'paste-seed');

  // A one-line paste with emphasis lands inline, bold kept.
  const para = page.locator('.block.para .rich', { hasText: 'Rà soát, lập Kế hoạch sử dụng đất' });
  await para.click();
  await page.keyboard.press('End');
  await pastePlainText(para, ' Thu **10.595 triệu đồng**.');
  await para.locator('b', { hasText: '10.595 triệu đồng' }).waitFor();
  assert.deepEqual(browser.consoleErrors, []);
});

// Text of several lines is read by the importer in the document worker. If
// the worker cannot start, nothing goes in, the page says why, and the text
// already there stays as it was.
test('when the worker cannot read pasted lines, the page says so and the text stays', async () => {
  const { browser: own, page, field } = await newDraftWithoutWorker(server.url);
  try {
    await page.keyboard.type('Cấp 52 giấy phép xây dựng.');
    await pastePlainText(field, 'I. KẾT QUẢ\n\nTrồng mới 8,5 ha rừng.\n\nII. NHIỆM VỤ\n\nTiếp tục thu ngân sách.');
    const notice = page.getByTestId('notice').filter({ hasText: 'Chưa dán được đoạn văn bản nhiều dòng' });
    await notice.waitFor();
    assert.match(await notice.textContent(), /Nội dung bài chưa thay đổi/);
    assert.equal(await field.textContent(), 'Cấp 52 giấy phép xây dựng.');
    assert.deepEqual(await headingLabels(page), []);
    await screenshot(page, 'paste-lines-without-worker');
  } finally {
    await own.close();
  }
});
