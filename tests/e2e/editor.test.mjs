// The monthly story end to end: template → edit → findings → reload → .docx,
// offline, and the A4 preview with its print. (It replaces the walking
// skeleton's test and keeps its assertions: the percent finding with
// 97,17%, the draft kept across a reload, the paragraph in the .docx, no
// request to another origin, no console error.)
import { test, before, after } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serveDist, launch, openApp, foreignRequests, readDocx, screenshot } from './harness.mjs';
import {
  assert, thisMonth, newFromTemplate, paragraphUnder, waitSaved, downloadDocx, typeTimed, pageTiming,
  unlabelledControls, waitFocus,
} from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const SENTENCE = 'Tỷ lệ người dân trên 18 tuổi được tiêm: 73.566/75.706 = 92,1%.';

test('a report made from the template is checked as typed, kept across a reload and downloaded as .docx', async () => {
  const t0 = Date.now();
  const page = await openApp(browser.context, server.url);
  console.log(`  page ready in ${Date.now() - t0} ms`);
  const { month, year, text: period } = thisMonth();

  await newFromTemplate(page);
  // The template: no unit profile yet, so the unit's own names are empty
  // (placeholders) and only the UBND's conventions are written; period = this month.
  assert.equal(await page.locator('#issuing-agency').inputValue(), '');
  assert.equal(await page.locator('#place').inputValue(), '');
  assert.equal(await page.locator('#doc-code').inputValue(), 'BC-UBND');
  assert.equal(await page.locator('#date-month').inputValue(), String(month));
  assert.match(await page.locator('#summary').inputValue(), new RegExp(`an ninh tháng ${period}, nhiệm vụ`));
  assert.equal(await page.locator('#recipient-6').inputValue(), 'Lưu: VT, TH.');
  assert.equal(await page.locator('#sign-authority').inputValue(), 'TM. ỦY BAN NHÂN DÂN');
  assert.ok(await page.getByText('NHỮNG KẾT QUẢ ĐẠT ĐƯỢC').isVisible());
  await screenshot(page, 'editor-template');

  // Type a wrong percentage: the finding shows the right value.
  const first = paragraphUnder(page, 'Kinh tế, hạ tầng và đô thị');
  await first.click();
  const perKey = await typeTimed(page, SENTENCE);
  console.log(`  keystroke round trip (Playwright type → page drawn): ${perKey.toFixed(1)} ms/key; input handler ${await pageTiming(page, 'input')} ms`);
  const finding = page.locator('.finding[data-rule="percent"]');
  await finding.waitFor();
  assert.match(await finding.textContent(), /97,17%/);
  assert.match(await finding.textContent(), /không phải 92,1%/);
  console.log(`  checks over the report: ${await pageTiming(page, 'checks')} ms`);

  // A footnote at the end of the paragraph, numbered 1, with its text.
  await page.keyboard.press('End');
  await page.getByTestId('insert-footnote').click();
  await waitFocus(page, 't-f-1');
  await page.keyboard.type('Số liệu đến ngày 20 của tháng');
  assert.equal(await first.locator('sup.note').textContent(), '1');

  // Bold in the next item, with Ctrl+B.
  const second = paragraphUnder(page, 'Đầu tư xây dựng cơ bản');
  await second.click();
  await page.keyboard.type('Giải ngân ');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('đạt tiến độ');
  await page.keyboard.press('Control+b');
  await page.keyboard.type(' kế hoạch.');
  assert.equal(await second.locator('b').textContent(), 'đạt tiến độ');

  // Clicking the finding scrolls to the paragraph and highlights it.
  await page.locator('.doc-column').evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await finding.locator('.finding-go').click();
  const block = page.locator('.block.flash');
  await block.waitFor();
  assert.match(await block.textContent(), /92,1%/);
  await page.waitForTimeout(700);
  assert.ok(await block.isVisible());
  const inView = await block.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; });
  assert.ok(inView, 'the paragraph was scrolled into view');
  await screenshot(page, 'editor-findings');

  // A finding about the signature leads to the field that fixes it.
  const signer = page.locator('.finding[data-rule="structure"]', { hasText: 'họ tên người ký' });
  await signer.locator('.finding-go').click();
  await waitFocus(page, 'sign-name');

  // Ctrl+S saves at once.
  await page.keyboard.press('Control+s');
  await waitSaved(page);

  // Reload: the draft reopens with everything in it.
  await page.reload();
  await page.getByRole('heading', { name: 'Bản nháp' }).waitFor();
  await page.getByTestId('draft-item').first().getByRole('button', { name: /Mở bản nháp/ }).click();
  await paragraphUnder(page, 'Kinh tế, hạ tầng và đô thị').waitFor();
  assert.equal((await paragraphUnder(page, 'Kinh tế, hạ tầng và đô thị').textContent()).replace(/1$/, ''), SENTENCE);
  assert.equal(await page.locator('#t-f-1').textContent(), 'Số liệu đến ngày 20 của tháng');
  assert.match(await page.locator('#summary').inputValue(), new RegExp(`an ninh tháng ${period}, nhiệm vụ`));
  assert.equal(await paragraphUnder(page, 'Đầu tư xây dựng cơ bản').locator('b').textContent(), 'đạt tiến độ');
  await page.locator('.finding[data-rule="percent"]').waitFor();

  // From here on without network: everything runs in the page.
  await browser.context.setOffline(true);
  await paragraphUnder(page, 'Nông nghiệp và Môi trường').click();
  await page.keyboard.type('Làm việc khi mất mạng.');
  await waitSaved(page);

  // The .docx is named after the report and holds what was typed.
  const docx = await downloadDocx(page);
  assert.equal(docx.name, `BC-KTXH-thang-${String(month).padStart(2, '0')}-${year}.docx`);
  const parts = readDocx(docx.bytes);
  assert.ok(parts['word/document.xml'].includes(SENTENCE));
  assert.ok(parts['word/document.xml'].includes('đạt tiến độ'));
  assert.ok(Object.values(parts).some((xml) => xml.includes('Số liệu đến ngày 20 của tháng')), 'the footnote is in the file');
  assert.ok(parts['word/document.xml'].includes('Làm việc khi mất mạng.'));

  // Renaming the open draft shows the new name at once.
  const item = page.getByTestId('draft-item').first();
  await item.getByRole('button', { name: 'Đổi tên' }).click();
  await item.getByLabel('Tên mới').fill('Báo cáo tháng này (bản trình lãnh đạo)');
  await item.getByRole('button', { name: 'Lưu tên' }).click();
  await page.getByRole('heading', { name: 'Báo cáo tháng này (bản trình lãnh đạo)', level: 2 }).waitFor();

  assert.deepEqual(await unlabelledControls(page), []);
  assert.deepEqual(foreignRequests(browser.requests, server.url), []);
  assert.deepEqual(browser.consoleErrors, []);
});

test('the A4 preview lays the report out as the .docx, and printing gives the same page', async () => {
  // Still offline, on the page the first story left open.
  const page = browser.context.pages()[0];
  await page.getByTestId('view-preview').click();
  // The first of its A4 pages.
  const sheet = page.locator('.preview-sheet[data-pages] .a4.page').first();
  await sheet.waitFor();
  assert.equal(await sheet.locator('.qh').textContent(), 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  assert.equal(await sheet.locator('.tn').textContent(), 'Độc lập - Tự do - Hạnh phúc');
  assert.ok((await sheet.locator('.para').first().textContent()).includes('73.566/75.706'));
  const font = await sheet.evaluate((el) => getComputedStyle(el).fontFamily);
  assert.match(font, /Times New Roman/);
  const width = await sheet.evaluate((el) => parseFloat(getComputedStyle(el).width));
  assert.ok(Math.abs(width - (210 / 25.4) * 96) < 2, `A4 width, got ${width}`);
  // Shrunk to fit the column, never cut off.
  const fits = await sheet.evaluate((el) => el.getBoundingClientRect().right <= el.parentElement.getBoundingClientRect().right + 1);
  assert.ok(fits, 'the whole page is visible');
  await screenshot(page, 'preview-a4');

  // The browser's print: the same page, numbered from page 2.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const dir = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'target', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  const pdf = path.join(dir, 'print.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const pages = execFileSync('pdfinfo', [pdf]).toString().match(/Pages:\s+(\d+)/)[1];
  const size = execFileSync('pdfinfo', [pdf]).toString().match(/Page size:\s+([\d.]+) x ([\d.]+)/);
  assert.ok(Math.abs(Number(size[1]) - 595.3) < 2 && Math.abs(Number(size[2]) - 841.9) < 2, `A4 paper, got ${size[0]}`);
  const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-']).toString();
  assert.match(first, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
  assert.doesNotMatch(first, /baocao|Bản nháp|Kiểm tra số liệu/, 'only the report is printed');
  if (Number(pages) > 1) {
    const second = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-layout', pdf, '-']).toString();
    assert.match(second.trim().split('\n')[0], /^\s*2\s*$/, 'page 2 carries its number at the top');
  }
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '2', pdf, path.join(dir, 'print')]);
  await browser.context.setOffline(false);
  assert.deepEqual(browser.consoleErrors, []);
});

test('without idle callbacks (as in Safari) the draft is still saved and checked as the official types', async () => {
  const page = await openApp(browser.context, server.url);
  // The autosave and the checks wait for an idle moment where the browser
  // has one; here it has none, and they come all the same.
  await page.evaluate(() => { window.requestIdleCallback = undefined; });
  await newFromTemplate(page);
  const first = paragraphUnder(page, 'Kinh tế, hạ tầng và đô thị');
  await first.click();
  await page.keyboard.type(SENTENCE);
  const finding = page.locator('.finding[data-rule="percent"]');
  await finding.waitFor();
  assert.match(await finding.textContent(), /73\.566\/75\.706 = 97,17%, không phải 92,1%/);
  await waitSaved(page);
  await page.reload();
  await paragraphUnder(page, 'Kinh tế, hạ tầng và đô thị').filter({ hasText: SENTENCE }).waitFor();
  assert.deepEqual(browser.consoleErrors, []);
});

test('the autosave waits for a pause in typing, and typing without one is still saved every few seconds', async () => {
  const page = await openApp(browser.context, server.url);
  await newFromTemplate(page);
  await waitSaved(page);
  const stored = () => page.evaluate(() => Object.keys(localStorage)
    .filter((k) => k.startsWith('baocao/draft/')).map((k) => localStorage.getItem(k)).join('\n'));
  const first = paragraphUnder(page, 'Kinh tế, hạ tầng và đô thị');
  await first.click();

  // A short burst: nothing is written while the keys come, then it is.
  await page.keyboard.type('Mở đầu', { delay: 150 });
  assert.ok(!(await stored()).includes('Mở đầu'), 'not saved in the middle of a burst');
  await waitSaved(page);
  assert.ok((await stored()).includes('Mở đầu'), 'saved once typing paused');

  // Nonstop typing (a key every 0.25 s for 7.5 s, never a pause): saved
  // while the keys still come, at most 4 s after the first unsaved one.
  const words = ' một hai ba bốn năm sáu bảy tám';
  let typing = true;
  const typed = page.keyboard.type(words, { delay: 250 }).then(() => { typing = false; });
  await page.waitForFunction(() => Object.keys(localStorage).filter((k) => k.startsWith('baocao/draft/'))
    .some((k) => localStorage.getItem(k).includes('Mở đầu một')), null, { timeout: 6000 });
  assert.ok(typing, 'saved before the typing stopped');
  await typed;
  await waitSaved(page);
  await page.reload();
  await paragraphUnder(page, 'Kinh tế, hạ tầng và đô thị').filter({ hasText: 'Mở đầu' + words }).waitFor();
  assert.deepEqual(browser.consoleErrors, []);
});
