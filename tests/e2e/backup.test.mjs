// Backup round trip: every draft to one file and back, merged without ever
// overwriting work that is newer than the backup.
import { test, before, after } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDist, launch, openApp, screenshot } from './harness.mjs';
import { assert, newFromTemplate, paragraphUnder, waitSaved, download } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a backup brings deleted drafts back and keeps drafts changed since', async () => {
  const page = await openApp(browser.context, server.url);
  await newFromTemplate(page);
  await paragraphUnder(page, 'Kinh tế, hạ tầng và đô thị').click();
  await page.keyboard.type('Nội dung của bản A.');
  await waitSaved(page);
  await page.getByTestId('new-draft').click();
  await page.locator('.doc-editor .block.para .rich').first().click();
  await page.keyboard.type('Nội dung của bản B.');
  await waitSaved(page);
  const names = await page.locator('.draft-name').allTextContents();
  assert.equal(names.length, 2);

  const backup = await download(page, () => page.getByTestId('backup').click());
  assert.match(backup.name, /^baocao-sao-luu-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(backup.text);
  assert.equal(data.kind, 'baocao-sao-luu');
  assert.equal(data.drafts.length, 2);
  assert.ok(backup.text.includes('Nội dung của bản A.'));
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-backup-')), backup.name);
  fs.writeFileSync(file, backup.bytes);

  // After the backup: A is deleted (no undo), B is changed.
  const a = page.getByTestId('draft-item').filter({ hasText: names.find((n) => n.startsWith('Báo cáo tháng')) });
  await a.getByRole('button', { name: 'Xoá' }).click();
  await page.getByTestId('undo-delete').waitFor();
  assert.equal(await page.getByTestId('draft-item').count(), 1);
  await page.locator('.doc-editor .block.para .rich').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Sửa sau khi sao lưu.');
  await page.keyboard.press('Control+s');
  await waitSaved(page);

  // Import the backup.
  await page.getByTestId('import-file').setInputFiles(file);
  const notice = page.getByTestId('notice');
  await notice.filter({ hasText: 'Đã nhập bản sao lưu' }).waitFor();
  const message = await notice.textContent();
  assert.match(message, /thêm 1 bản nháp/);
  assert.match(message, /giữ nguyên 1 bản nháp đã sửa sau khi sao lưu/);
  await screenshot(page, 'backup-merged');
  const after = await page.locator('.draft-name').allTextContents();
  assert.equal(after.length, 3);
  assert.ok(after.some((n) => n.endsWith('(bản sao lưu)')), after.join(' | '));

  // B in the browser still has the change made after the backup.
  assert.match(await page.locator('.doc-editor .block.para .rich').first().textContent(), /Sửa sau khi sao lưu\./);
  // A is back with its text.
  await page.getByRole('button', { name: /Mở bản nháp Báo cáo tháng/ }).click();
  await paragraphUnder(page, 'Kinh tế, hạ tầng và đô thị').filter({ hasText: 'Nội dung của bản A.' }).waitFor();
  assert.deepEqual(browser.consoleErrors, []);
});
