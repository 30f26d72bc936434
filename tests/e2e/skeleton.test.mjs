// The walking skeleton end to end: draft → findings → reload → .docx, offline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveDist, launch, openApp, foreignRequests, readDocx, screenshot } from './harness.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a draft typed in the page is checked, kept across a reload and downloaded as .docx', async () => {
  const t0 = Date.now();
  const page = await openApp(browser.context, server.url);
  console.log(`  page ready in ${Date.now() - t0} ms`);

  await page.getByTestId('new-draft').click();
  await page.getByLabel('Trích yếu').fill('Tình hình phát triển kinh tế - xã hội tháng 11/2021, nhiệm vụ công tác tháng 12/2021');
  const body = page.getByTestId('body-text');
  await body.fill('I. NHỮNG KẾT QUẢ ĐẠT ĐƯỢC\n\n1. Kinh tế\n\nTỷ lệ người dân trên 18 tuổi được tiêm: 73.566/75.706 = 92,1%.');

  const finding = page.locator('.finding[data-rule="percent"]');
  await finding.waitFor();
  const message = await finding.textContent();
  assert.match(message, /97,17%/);
  assert.match(message, /không phải 92,1%/);
  await page.getByTestId('save-status').filter({ hasText: 'Đã lưu lúc' }).waitFor();
  await screenshot(page, 'skeleton-editor');

  await page.reload();
  await page.getByRole('heading', { name: 'Bản nháp' }).waitFor();
  await page.getByTestId('draft-item').first().getByRole('button', { name: /Mở bản nháp/ }).click();
  assert.match(await page.getByTestId('body-text').inputValue(), /73\.566\/75\.706 = 92,1%/);
  assert.equal(await page.getByLabel('Trích yếu').inputValue(),
    'Tình hình phát triển kinh tế - xã hội tháng 11/2021, nhiệm vụ công tác tháng 12/2021');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-docx').click(),
  ]);
  assert.equal(download.suggestedFilename(), 'BC-KTXH-thang-11-2021.docx');
  const parts = readDocx(fs.readFileSync(await download.path()));
  assert.ok(parts['word/document.xml'].includes('Tỷ lệ người dân trên 18 tuổi được tiêm: 73.566/75.706 = 92,1%.'));

  assert.deepEqual(foreignRequests(browser.requests, server.url), []);
  assert.deepEqual(browser.consoleErrors, []);
});
