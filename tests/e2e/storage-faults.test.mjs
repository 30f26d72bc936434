// Storage faults: a full localStorage, a corrupted stored draft, a draft of
// the older schema. Each gives a clear message and loses nothing.
import { test, before, after } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, openApp, screenshot } from './harness.mjs';
import { assert, fixturesDir, newFromTemplate, paragraphUnder, waitSaved, download, fillStorage, storedDrafts } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a full localStorage: the work stays on the page and the backup is offered', async () => {
  const page = await openApp(browser.context, server.url);
  const filled = await fillStorage(page);
  assert.equal(filled.error, 'QuotaExceededError');
  await page.reload();
  await page.getByRole('heading', { name: 'Bản nháp' }).waitFor();
  await newFromTemplate(page);
  await page.getByTestId('storage-full').waitFor();
  assert.match(await page.getByTestId('storage-full').textContent(), /Bộ nhớ của trình duyệt đã đầy/);
  await paragraphUnder(page, 'Kinh tế, hạ tầng và đô thị').click();
  await page.keyboard.type('Việc gõ khi bộ nhớ đầy vẫn còn.');
  await page.getByTestId('save-status').filter({ hasText: 'Chưa lưu được' }).waitFor();
  assert.match(await page.getByTestId('draft-item-unsaved').textContent(), /Chưa lưu vào trình duyệt/);
  await screenshot(page, 'storage-full');
  const backup = await download(page, () => page.getByTestId('backup-now').click());
  assert.ok(backup.text.includes('Việc gõ khi bộ nhớ đầy vẫn còn.'), 'the backup holds the work in memory');

  // Space freed: the next change is saved and the message goes away.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler/')).forEach((k) => localStorage.removeItem(k)));
  await paragraphUnder(page, 'Kinh tế, hạ tầng và đô thị').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Đã có chỗ.');
  await waitSaved(page);
  assert.equal(await page.getByTestId('storage-full').count(), 0);
  const stored = Object.values(await storedDrafts(page));
  assert.ok(stored.some((d) => JSON.stringify(d).includes('Việc gõ khi bộ nhớ đầy vẫn còn. Đã có chỗ.')));
  assert.deepEqual(browser.consoleErrors, []);
});

test('a corrupted stored draft is set aside, reported and downloadable; the others open', async () => {
  const page = await openApp(browser.context, server.url);
  const raw = '{"schema_version":2,"id":"hong","name":"Báo cáo bị cắt","updated_ms":1,"revision":3,"report":{"header":';
  await page.evaluate((r) => localStorage.setItem('baocao/draft/hong', r), raw);
  await page.reload();
  const damaged = page.getByTestId('damaged');
  await damaged.waitFor();
  assert.match(await damaged.textContent(), /1 bản nháp bị hỏng, đã được để riêng/);
  assert.match(await damaged.textContent(), /bị cắt cụt/);
  assert.ok(await page.getByTestId('draft-item').count() >= 1, 'the other drafts are listed');
  await page.getByTestId('draft-item').first().getByRole('button', { name: /Mở bản nháp/ }).click();
  await page.locator('.doc-editor').waitFor();
  await screenshot(page, 'damaged');
  const file = await download(page, () => damaged.getByTestId('download-damaged').click());
  assert.equal(file.text, raw);
  assert.equal(await page.evaluate(() => localStorage.getItem('baocao/draft/hong')), raw, 'kept as it was');
  await page.evaluate(() => localStorage.removeItem('baocao/draft/hong'));
  assert.deepEqual(browser.consoleErrors, []);
});

test('a draft stored by the older schema (version 1) opens and is saved as version 2', async () => {
  const page = await openApp(browser.context, server.url);
  const v1 = fs.readFileSync(path.join(fixturesDir, 'draft-v1.json'), 'utf8');
  const id = JSON.parse(v1).id;
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [`baocao/draft/${id}`, v1]);
  await page.reload();
  const item = page.getByRole('button', { name: 'Mở bản nháp Báo cáo tháng 3/2025' });
  await item.click();
  const para = page.locator('.block.para .rich', { hasText: 'Công tác thu NSNN thành phố trong tháng' });
  await para.waitFor();
  assert.match(await para.textContent(), /10\.595 triệu đồng đạt 32,2% dự toán/);
  assert.equal(await page.locator('.fn-item').count(), JSON.parse(v1).report.footnotes.length);
  assert.equal(await page.locator('.doc-editor mark.stale').count(), 0);
  await para.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Đã mở bằng phiên bản mới.');
  await waitSaved(page);
  const stored = (await storedDrafts(page))[`baocao/draft/${id}`];
  assert.equal(stored.schema_version, 2);
  assert.equal(stored.report.schema_version, 2);
  assert.deepEqual(stored.report.stale, []);
  assert.equal(stored.previous_tasks, null);
  assert.ok(JSON.stringify(stored).includes('Đã mở bằng phiên bản mới.'));
  assert.equal(stored.revision, 8);
  assert.deepEqual(browser.consoleErrors, []);
});
