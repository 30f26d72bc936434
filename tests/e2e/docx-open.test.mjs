// Last period's report as an official has it: a real Word file opened in the
// page (from the file picker, and dropped on the page), its footnotes and
// tables in the editor, next period's draft made from it, and the .docx
// downloaded. Expected values were read from the file with Python's zipfile.
import { test, before, after } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, openApp, screenshot, readDocx, foreignRequests } from './harness.mjs';
import { assert, downloadDocx, waitSaved } from './helpers.mjs';

const samples = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../samples');
const cchc = path.join(samples, 'bao-cao-cchc-nam-2025.docx');

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a real .docx opens with its footnotes and tables, and goes on to next month', async () => {
  const page = await openApp(browser.context, server.url);
  // The largest sample (124 kB, about 80,000 characters): from choosing the
  // file to its last footnote on the page. Printed, not asserted.
  const started = Date.now();
  await page.getByTestId('import-file').setInputFiles(cchc);
  // 17 footnotes (w:footnoteReference 1–17 in word/document.xml).
  await page.locator('.fn-item').nth(16).waitFor();
  console.log(`reading bao-cao-cchc-nam-2025.docx in the page: ${Date.now() - started} ms`);
  assert.equal(await page.locator('.fn-item').count(), 17);
  assert.match(await page.locator('#fn-1').textContent(), /Thường trực Tỉnh ủy và Ủy ban nhân dân tỉnh đã thành lập/);
  assert.match(await page.locator('#fn-17').textContent(), /Chi đầu tư phát triển/);
  assert.match(await page.getByTestId('notice').textContent(), /Đã đọc tệp «bao-cao-cchc-nam-2025\.docx»: \d+ phần, 17 chú thích\./);
  // The trích yếu over two lines is read whole.
  assert.equal(await page.locator('#summary').inputValue(),
    'Công tác cải cách hành chính năm 2025 và phương hướng, nhiệm vụ năm 2026 của tỉnh Lâm Đồng');
  // Its 9 detail tables (11 w:tbl, two of them the header and the
  // signature block) are those of its appendix, after the signature: one
  // "PHỤ LỤC" with its title, its "(Kèm theo …)" line and Biểu mẫu 1–7.
  assert.equal(await page.locator('.table-block').count(), 9);
  const appendix = page.locator('.appendix-edit');
  assert.equal(await appendix.count(), 1);
  assert.equal(await appendix.locator('.table-block').count(), 9);
  assert.equal(await appendix.locator('.appendix-fields input').first().inputValue(), 'PHỤ LỤC');
  assert.match(await appendix.locator('.appendix-fields textarea').inputValue(),
    /^BIỂU MẪU THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH NĂM 2025\nCỦA ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG$/);
  assert.match(await appendix.locator('.appendix-fields input').nth(1).inputValue(), /^\(Kèm theo Báo cáo số {8}\/BC-UBND ngày/);
  // A cell of its Biểu mẫu 1 takes typing like a body table's.
  // ("82" văn bản chỉ đạo CCHC, row 1. of the file).
  const cells = appendix.locator('.table-block').first().locator('.cell');
  const at = await cells.evaluateAll((all) => all.findIndex((c) => c.value === '82'));
  assert.ok(at >= 0, 'the cell "82" of Biểu mẫu 1');
  await cells.nth(at).fill('83');
  await waitSaved(page);
  await appendix.locator('.appendix-fields').scrollIntoViewIfNeeded();
  await screenshot(page, 'docx-opened-appendix');
  await page.getByTestId('view-preview').click();
  // The preview in A4 pages: the appendix's blocks after the signature, on
  // pages of their own (a table cut between pages shows in both).
  const sheet = page.locator('.preview-sheet[data-pages]');
  await sheet.locator('.in-appendix .appendix-label').waitFor();
  const order = await sheet.evaluate((a) => {
    const sig = a.querySelector('.signature');
    const app = a.querySelector('.in-appendix .appendix-label');
    return sig.compareDocumentPosition(app) & Node.DOCUMENT_POSITION_FOLLOWING;
  });
  assert.ok(order, 'the appendix follows the signature');
  const tables = await sheet.evaluate((a) => new Set([...a.querySelectorAll('.in-appendix .detail-table')]
    .map((t) => t.dataset.block)).size);
  assert.equal(tables, 9);
  assert.equal(await sheet.locator('.in-appendix .appendix-label').textContent(), 'PHỤ LỤC');
  assert.ok(await sheet.locator('.in-appendix .detail-table').first().locator('td.num', { hasText: /^83$/ }).count() >= 1);
  await sheet.locator('.in-appendix .appendix-label').scrollIntoViewIfNeeded();
  await screenshot(page, 'docx-opened-appendix-preview');
  await page.getByTestId('view-edit').click();
  await screenshot(page, 'docx-opened');

  // Next period's draft from it keeps the footnotes.
  const item = page.getByTestId('draft-item').first();
  await item.getByTestId('next-month').click();
  await page.getByTestId('previous-tasks').or(page.locator('.fn-item').nth(16)).first().waitFor();
  await page.locator('.fn-item').nth(16).waitFor();
  assert.equal(await page.locator('.fn-item').count(), 17);
  await waitSaved(page);

  // The .docx that goes out has them as real footnotes.
  const file = await downloadDocx(page);
  assert.match(file.name, /\.docx$/);
  const parts = readDocx(file.bytes);
  const refs = parts['word/document.xml'].match(/<w:footnoteReference /g) || [];
  assert.equal(refs.length, 17);
  // The appendix goes out in a landscape section of its own, numbered from 1.
  assert.match(parts['word/document.xml'], /<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/><w:pgMar [^>]*\/><w:pgNumType w:start="1"\/>/);
  assert.ok(parts['word/footnotes.xml'].includes('Thường trực Tỉnh ủy'));
  assert.deepEqual(foreignRequests(browser.requests, server.url), []);
});

test('a .docx dropped on the page opens as a new draft', async () => {
  const page = await openApp(browser.context, server.url);
  const bytes = [...fs.readFileSync(path.join(samples, 'bao-cao-quan-ly-hoi-nam-2025.docx'))];
  await page.evaluate((data) => {
    const file = new File([new Uint8Array(data)], 'bao-cao-quan-ly-hoi-nam-2025.docx',
      { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    const dt = new DataTransfer();
    dt.items.add(file);
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }));
  }, bytes);
  await page.getByTestId('notice').filter({ hasText: 'bao-cao-quan-ly-hoi-nam-2025.docx' }).waitFor();
  assert.match(await page.getByTestId('notice').textContent(), /Đã đọc tệp «bao-cao-quan-ly-hoi-nam-2025\.docx»: \d+ phần, 0 chú thích\./);
  assert.equal(await page.locator('#summary').inputValue(), 'Tổ chức, hoạt động và quản lý hội năm 2025');
  assert.equal(await page.locator('.drop-hint').count(), 0);
});
