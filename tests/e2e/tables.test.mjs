// Detail tables as an official types them, by keyboard: cells that wrap and
// grow, columns as wide as their content (or as the .docx had them), Tab and
// Shift+Tab from cell to cell, Tab in the last cell adds a row (undoable),
// Enter is a line break kept through the preview and the .docx, merged cells
// from a .docx drawn once; and the page at 200% zoom of a 1366 × 768 screen:
// a compact toolbar, the findings one click away, the A4 preview within the
// width.
import { test, before, after } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serveDist, launch, openApp, screenshot, readDocx } from './harness.mjs';
import { assert, newFromTemplate, download, downloadDocx, waitSaved, unlabelledControls } from './helpers.mjs';

const samples = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../samples');
const root = path.resolve(samples, '../..');

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The id of the element that has the keyboard. */
const focused = (page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent);

/**
 * 200% zoom of a 1366 × 768 window: a 683 × 384 CSS viewport at 2 device
 * pixels per CSS pixel, in a browser of its own (the shared one has a fixed
 * scale); its console errors are collected like the shared one's.
 */
async function zoomed200() {
  const b = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const context = await b.newContext({ viewport: { width: 683, height: 384 }, deviceScaleFactor: 2, locale: 'vi-VN', acceptDownloads: true });
  const errors = [];
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Bản nháp' }).waitFor();
  return { page, errors, close: () => b.close() };
}

/** Adds a detail table at the end of the item with this title; returns its block. */
async function addTable(page, title) {
  const item = page.locator('section.sec', { has: page.locator(':scope > .heading-row .rich', { hasText: title }) }).first();
  await item.locator(':scope > .heading-row .add-menu > summary').click();
  await item.getByRole('button', { name: 'Bảng chi tiết cuối mục' }).click();
  const table = item.locator('.table-block');
  await table.waitFor();
  return table;
}

test('cells wrap, Tab walks them and adds a row, Enter is a line break kept in the .docx, STT raises nothing', async () => {
  const page = await openApp(browser.context, server.url);
  await page.setViewportSize({ width: 1366, height: 768 });
  await newFromTemplate(page);
  const table = await addTable(page, 'Nông nghiệp và Môi trường');
  const tid = (await table.getAttribute('id')).replace(/^b-/, '');
  const cell = (r, c) => `c-${tid}-${r}-${c}`;
  const rows = () => table.locator('tr:not(.col-tools)').count();

  assert.deepEqual(await unlabelledControls(page), []);
  // The default header "STT | Chỉ tiêu | Kết quả" raises no hint.
  await page.waitForTimeout(700);
  assert.equal(await page.getByTestId('findings').locator('.finding', { hasText: '«STT»' }).count(), 0);

  // An empty new table: weights 4, 12, 12 → 14, 44, 42 % (×0.94, the rest
  // is the row tools' column).
  const widths = () => table.locator('colgroup col').evaluateAll((cs) => cs.map((c) => c.style.width));
  assert.deepEqual(await widths(), ['13.2%', '41.4%', '39.5%', '']);

  // From the first header cell, by keyboard only.
  await page.locator(`#${cell(0, 0)}`).focus();
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), cell(0, 1));
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), cell(1, 0), 'Tab goes on to the next row, not to a button');
  await page.keyboard.type('1');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Thu ngân sách nhà nước trên địa bàn');
  await page.keyboard.press('Enter');
  await page.keyboard.type('(không kể thu tiền sử dụng đất)');
  await page.keyboard.press('Tab');
  // Leaving the cell sizes the columns by their content: the longer line
  // has 35 letters, so weights 4, 35, 12 → 7, 70, 23 %.
  assert.deepEqual(await widths(), ['6.6%', '65.8%', '21.6%', '']);
  await page.keyboard.type('12.345');
  assert.equal(await page.locator(`#${cell(1, 1)}`).inputValue(),
    'Thu ngân sách nhà nước trên địa bàn\n(không kể thu tiền sử dụng đất)');
  // Shift+Tab goes back a cell, Tab forward again.
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focused(page), cell(1, 1));
  await page.keyboard.press('Tab');
  // Tab in the last cell: a new row, the caret in its first cell.
  assert.equal(await rows(), 2);
  await page.keyboard.press('Tab');
  await page.waitForFunction((id) => document.activeElement?.id === id, cell(2, 0));
  assert.equal(await rows(), 3);
  // Tab along the new, still empty row and past its end: out of the table,
  // onto its own "+ Dòng" (no third row, no "Xoá dòng" button).
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), `tbl-add-row-${tid}`);
  assert.equal(await rows(), 3);
  // Esc in a cell leaves the table the same way.
  await page.locator(`#${cell(1, 2)}`).focus();
  await page.keyboard.press('Escape');
  assert.equal(await focused(page), `tbl-add-row-${tid}`);

  // The cell of two long lines is taller than its neighbours and nothing is
  // cut off; its column is wider than the STT column.
  const box = async (r, c) => page.locator(`#${cell(r, c)}`).evaluate((el) => ({
    h: el.getBoundingClientRect().height, w: el.getBoundingClientRect().width,
    cut: el.scrollHeight - el.clientHeight,
  }));
  const text = await box(1, 1);
  const stt = await box(1, 0);
  assert.ok(text.h >= stt.h + 15, `two lines: ${text.h} vs ${stt.h}`);
  assert.ok(text.cut <= 1, `no text hidden: ${text.cut}px`);
  assert.ok(text.w > 2 * stt.w, `columns sized by content: ${text.w} vs ${stt.w}`);
  await table.scrollIntoViewIfNeeded();
  await screenshot(page, 'tables-cells-1366');

  // The new row is one undo away.
  await page.getByTestId('undo').click();
  await page.waitForFunction((id) => !document.getElementById(id), cell(2, 0));
  assert.equal(await rows(), 2);
  assert.equal(await page.locator(`#${cell(1, 1)}`).inputValue(),
    'Thu ngân sách nhà nước trên địa bàn\n(không kể thu tiền sử dụng đất)');

  // The line break in the preview and in the .docx.
  await page.getByTestId('view-preview').click();
  const td = page.getByTestId('preview').locator('td', { hasText: 'Thu ngân sách' });
  assert.equal(await td.evaluate((el) => el.innerHTML),
    'Thu ngân sách nhà nước trên địa bàn<br>(không kể thu tiền sử dụng đất)');
  await td.scrollIntoViewIfNeeded();
  await screenshot(page, 'tables-preview-1366');
  await page.getByTestId('view-edit').click();
  await waitSaved(page);
  const file = await downloadDocx(page);
  // Kept for a person to render through LibreOffice and look at.
  fs.mkdirSync(path.join(root, 'target', 'screenshots'), { recursive: true });
  fs.writeFileSync(path.join(root, 'target', 'screenshots', 'tables-cells.docx'), file.bytes);
  const xml = readDocx(file.bytes)['word/document.xml'];
  assert.match(xml, />Thu ngân sách nhà nước trên địa bàn<\/w:t><w:br w:type="textWrapping" ?\/><\/w:r><w:r>.*?>\(không kể thu tiền sử dụng đất\)<\/w:t>/);
  assert.deepEqual(browser.consoleErrors, []);
});

test('merged cells of a .docx are drawn once, at the widths the file gave, and Tab skips what they cover', async () => {
  const page = await openApp(browser.context, server.url);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByTestId('import-file').setInputFiles(path.join(samples, 'phu-luc-bao-cao-cchc-nam-2025.docx'));
  // The draft opened last in this browser shows first: wait for the file's.
  await page.getByTestId('notice').filter({ hasText: 'phu-luc-bao-cao-cchc-nam-2025.docx' }).waitFor();
  const table = page.locator('.table-block').first();
  await table.waitFor();
  // Biểu mẫu 1 (read from word/document.xml): a header over two rows,
  // STT, Chỉ tiêu and Ghi chú merged down, "Kết quả thống kê" across two
  // columns over "Đơn vị tính | Số liệu"; widths 1134, 7068, 2288, 1392, 1443.
  const header = table.locator('tr').first().locator('th:not(.row-tool)');
  assert.equal(await header.count(), 4);
  assert.deepEqual(await header.evaluateAll((ths) => ths.map((th) => [th.rowSpan, th.colSpan])),
    [[2, 1], [2, 1], [1, 2], [2, 1]]);
  assert.equal(await header.nth(1).locator('textarea').inputValue(),
    'Chỉ tiêu thống kê\n(Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)');
  const second = table.locator('tr').nth(1).locator('th:not(.row-tool) textarea');
  assert.deepEqual(await second.evaluateAll((els) => els.map((e) => e.value)), ['Đơn vị tính', 'Số liệu']);
  // Shares 8, 55, 17, 10, 10 of the table (×0.94, the rest the row tools').
  const cols = await table.locator('colgroup col').evaluateAll((cs) => cs.map((c) => c.style.width));
  assert.deepEqual(cols, ['7.5%', '51.7%', '16%', '9.4%', '9.4%', '']);
  assert.deepEqual(await unlabelledControls(page), []);
  // Tab from "Kết quả thống kê" goes down to "Đơn vị tính", then "Số liệu",
  // then to the first data row (the merged cells above cover the rest).
  const id = await header.nth(2).locator('textarea').getAttribute('id');
  const tid = id.split('-')[1];
  await page.locator(`#${id}`).focus();
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), `c-${tid}-0-4`);
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), `c-${tid}-1-2`);
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), `c-${tid}-1-3`);
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), `c-${tid}-2-0`);
  await table.scrollIntoViewIfNeeded();
  await screenshot(page, 'tables-merged-1366');
  assert.deepEqual(browser.consoleErrors, []);

  // The same table at 200% zoom.
  const z = await zoomed200();
  await z.page.getByTestId('import-file').setInputFiles(path.join(samples, 'phu-luc-bao-cao-cchc-nam-2025.docx'));
  const zoomedTable = z.page.locator('.table-block').first();
  await zoomedTable.waitFor();
  await zoomedTable.locator('tr').nth(2).scrollIntoViewIfNeeded();
  await screenshot(z.page, 'tables-merged-200');
  const over = await z.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(over <= 1, `no sideways scrolling of the page: ${over}px`);
  assert.deepEqual(z.errors, []);
  await z.close();
});

test('at 200% zoom the toolbar is compact, the findings are one click away and the preview fits', async () => {
  const z = await zoomed200();
  const page = z.page;
  await newFromTemplate(page);
  assert.equal(await page.evaluate(() => `${innerWidth}x${innerHeight}@${devicePixelRatio}`), '683x384@2');
  await screenshot(page, 'zoom200-top');
  const viewport = { width: 683, height: 384 };
  const bar = await page.getByRole('toolbar').boundingBox();
  assert.ok(bar.height <= viewport.height * 0.3, `toolbar ${bar.height}px of ${viewport.height}px`);
  // Scrolled into the report, the toolbar does not cover it.
  await page.locator('.doc-editor').scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 600);
  await page.waitForTimeout(200);
  const covered = await page.getByRole('toolbar').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));
  });
  assert.ok(covered <= viewport.height * 0.3, `toolbar covers ${covered}px`);
  await screenshot(page, 'zoom200-scrolled');

  // The findings, below the whole report, are one click from the toolbar.
  await page.evaluate(() => scrollTo(0, 0));
  const jump = page.getByTestId('jump-findings');
  assert.ok(await jump.isVisible());
  assert.match(await jump.getAttribute('aria-label'), /^Đến kết quả kiểm tra: \d+ lỗi, \d+ cảnh báo, \d+ gợi ý$/);
  await jump.click();
  await page.waitForTimeout(300);
  const findings = page.getByTestId('findings');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'findings');
  const top = await findings.evaluate((el) => el.getBoundingClientRect().top);
  assert.ok(top >= 0 && top < viewport.height / 2, `findings at ${top}px`);
  await screenshot(page, 'zoom200-findings');

  // The A4 preview is scaled to the width: nothing to scroll sideways.
  await page.evaluate(() => scrollTo(0, 0));
  await page.getByTestId('view-preview').click();
  await page.locator('.preview-sheet[data-pages] .a4').first().waitFor();
  await page.waitForTimeout(300);
  const fit = await page.evaluate(() => {
    const wrap = document.querySelector('.preview-wrap').getBoundingClientRect();
    const a4 = document.querySelector('.preview-sheet .a4').getBoundingClientRect();
    return {
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      left: a4.left - wrap.left, right: wrap.right - a4.right,
    };
  });
  assert.ok(fit.page <= 1, `page scrolls sideways by ${fit.page}px`);
  assert.ok(fit.left >= 0 && fit.right >= 0, `the sheet is inside its frame: ${JSON.stringify(fit)}`);
  await page.locator('.preview-sheet').scrollIntoViewIfNeeded();
  await screenshot(page, 'zoom200-preview');

  // A table at 200%: cells still wrap within the width.
  await page.getByTestId('view-edit').click();
  const table = await addTable(page, 'Nông nghiệp và Môi trường');
  const tid = (await table.getAttribute('id')).replace(/^b-/, '');
  await page.locator(`#c-${tid}-1-1`).fill('Thu ngân sách nhà nước trên địa bàn thành phố');
  await table.scrollIntoViewIfNeeded();
  const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(over <= 1, `no sideways scrolling: ${over}px`);
  await screenshot(page, 'zoom200-table');
  assert.deepEqual(z.errors, []);
  await z.close();
});
