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

/** Saves a unit profile through the form, as an official does. */
async function saveProfile(page, { unit, parent, issuing, place, signer }) {
  await page.getByTestId('profile-toggle').click();
  await page.getByTestId('profile-form').waitFor();
  await page.selectOption('#profile-unit', unit);
  await page.locator('#profile-parent').fill(parent);
  await page.locator('#profile-issuing').fill(issuing);
  await page.locator('#profile-place').fill(place);
  await page.locator('#profile-signer').fill(signer);
  await page.getByTestId('profile-save').click();
  await page.getByTestId('notice').filter({ hasText: 'Đã lưu hồ sơ đơn vị' }).waitFor();
}

test('the unit profile goes into the backup and comes back in a browser without one; an older backup still imports', async () => {
  const page = await openApp(browser.context, server.url);
  // Start from an empty browser (the test above left its drafts).
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByTestId('profile-missing').waitFor();
  await saveProfile(page, { unit: 'department', parent: 'UBND TỈNH LÂM ĐỒNG', issuing: 'SỞ NỘI VỤ', place: 'Lâm Đồng', signer: 'Trần Thị Bình' });
  await page.getByTestId('new-from-template').click();
  await page.locator('.doc-editor .sec-part').first().waitFor();
  await waitSaved(page);

  const backup = await download(page, () => page.getByTestId('backup').click());
  const data = JSON.parse(backup.text);
  assert.equal(data.drafts.length, 1);
  // The profile's text as the page stored it.
  const profile = JSON.parse(data.profile);
  assert.equal(profile.unit, 'department');
  assert.equal(profile.issuing_agency, 'SỞ NỘI VỤ');
  assert.equal(profile.signer, 'Trần Thị Bình');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-backup-'));
  const file = path.join(dir, backup.name);
  fs.writeFileSync(file, backup.bytes);
  // The same file as the page wrote it before the profile was included.
  const older = { ...data };
  delete older.profile;
  const olderFile = path.join(dir, 'baocao-sao-luu-cu.json');
  fs.writeFileSync(olderFile, JSON.stringify(older, null, 2));

  // Another PC: nothing stored. The older backup brings the draft, no profile.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByTestId('profile-missing').waitFor();
  await page.getByTestId('import-file').setInputFiles(olderFile);
  const notice = page.getByTestId('notice');
  await notice.filter({ hasText: 'Đã nhập bản sao lưu' }).waitFor();
  assert.match(await notice.textContent(), /thêm 1 bản nháp/);
  assert.doesNotMatch(await notice.textContent(), /hồ sơ đơn vị/);
  assert.equal(await page.evaluate(() => localStorage.getItem('baocao/profile')), null);
  assert.ok(await page.getByTestId('profile-missing').isVisible());

  // The new backup brings the profile: the chooser follows it at once.
  await page.getByTestId('import-file').setInputFiles(file);
  await notice.filter({ hasText: 'Đã nhập hồ sơ đơn vị từ tệp' }).waitFor();
  await page.getByTestId('profile-missing').waitFor({ state: 'detached' });
  assert.equal(await page.locator('#tpl-unit').inputValue(), 'department');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('baocao/profile')));
  assert.equal(stored.issuing_agency, 'SỞ NỘI VỤ');
  await page.getByTestId('new-from-template').click();
  await page.locator('.doc-editor .sec-part').first().waitFor();
  assert.equal(await page.locator('#issuing-agency').inputValue(), 'SỞ NỘI VỤ');
  assert.equal(await page.locator('#sign-name').inputValue(), 'Trần Thị Bình');
  await screenshot(page, 'backup-profile');

  // A browser with its own profile keeps it.
  await page.evaluate(() => {
    const p = JSON.parse(localStorage.getItem('baocao/profile'));
    p.signer = 'Lê Văn Công';
    localStorage.setItem('baocao/profile', JSON.stringify(p));
  });
  await page.getByTestId('import-file').setInputFiles(file);
  await notice.filter({ hasText: 'giữ hồ sơ đang dùng' }).waitFor();
  const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('baocao/profile')));
  assert.equal(kept.signer, 'Lê Văn Công');
  assert.deepEqual(browser.consoleErrors, []);
});
