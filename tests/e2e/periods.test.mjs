// Templates by issuing unit and period, the unit profile, the next period and
// lũy kế across periods: a sở's quarterly report from its template → next
// quarter; a commune's monthly report from its template → next month, with
// a lũy kế warning after a figure is made smaller than last month's.
import { test, before, after } from 'node:test';
import fs from 'node:fs';
import { serveDist, launch, openApp, dist } from './harness.mjs';
import { assert, paragraphUnder, waitSaved, storedDrafts, download, downloadDocx } from './helpers.mjs';

const SHOTS = `${dist}/../target/screenshots/periods`;
let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); fs.mkdirSync(SHOTS, { recursive: true }); });
after(async () => { await browser?.close(); await server?.close(); });

async function shot(page, name) {
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** Sets the year of the template chooser (the field takes it on change). */
async function setYear(page, year) {
  const y = page.locator('#tpl-year');
  await y.fill(String(year));
  await y.dispatchEvent('change');
}

/** Selects a figure marked as carried over and types over it. */
async function retype(para, figure, page, text) {
  const mark = para.locator('mark.stale', { hasText: figure });
  await mark.evaluate((el) => {
    el.closest('.rich').focus();
    const r = document.createRange();
    r.selectNodeContents(el);
    getSelection().removeAllRanges();
    getSelection().addRange(r);
  });
  await page.keyboard.type(text);
}

test('a sở saves its profile, writes its quarterly report from the template and makes the next quarter\'s', async () => {
  const page = await openApp(browser.context, server.url);
  await page.setViewportSize({ width: 1366, height: 900 });

  // No profile yet: the page says so; nothing of another unit is written.
  await page.getByTestId('profile-missing').waitFor();
  await page.getByTestId('profile-toggle').click();
  await page.getByTestId('profile-form').waitFor();
  await page.selectOption('#profile-unit', 'department');
  // The conventions of a sở are offered, editable.
  assert.equal(await page.locator('#profile-authority').inputValue(), 'KT. GIÁM ĐỐC');
  assert.equal(await page.locator('#profile-position').inputValue(), 'PHÓ GIÁM ĐỐC');
  await page.locator('#profile-parent').fill('UBND TỈNH LÂM ĐỒNG');
  await page.locator('#profile-issuing').fill('SỞ NỘI VỤ');
  await page.locator('#profile-place').fill('Lâm Đồng');
  await page.locator('#profile-code').fill('BC-SNV');
  await page.locator('#profile-signer').fill('Trần Thị Bình');
  await shot(page, 'profile-form');
  await page.getByTestId('profile-save').click();
  assert.match(await page.getByTestId('notice').textContent(), /Đã lưu hồ sơ đơn vị/);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('baocao/profile')));
  assert.equal(stored.version, 1);
  assert.equal(stored.unit, 'department');
  assert.equal(stored.code, 'BC-SNV');

  // The chooser follows the profile: a sở writes its sector's report.
  assert.equal(await page.locator('#tpl-unit').inputValue(), 'department');
  assert.equal(await page.locator('#tpl-kind').inputValue(), 'nganh');
  await page.selectOption('#tpl-span', 'quarter');
  await page.selectOption('#tpl-number', '1');
  await setYear(page, 2026);
  assert.equal(await page.getByTestId('tpl-deadline').textContent(),
    'Báo cáo ghi ngày trong tháng 3/2026. Số liệu thường tính từ ngày 15/12/2025 đến ngày 14/3/2026 (mốc nhiều tỉnh dùng; kiểm tra theo văn bản của tỉnh).');
  await shot(page, 'chooser-quarter');
  await page.getByTestId('new-from-template').click();
  await page.getByRole('heading', { name: 'Báo cáo kết quả công tác của ngành quý I năm 2026', level: 2 }).waitFor();

  // The header, signature and ký hiệu of the sở, from its profile.
  assert.equal(await page.locator('#parent-agency').inputValue(), 'UBND TỈNH LÂM ĐỒNG');
  assert.equal(await page.locator('#issuing-agency').inputValue(), 'SỞ NỘI VỤ');
  assert.equal(await page.locator('#doc-code').inputValue(), 'BC-SNV');
  assert.equal(await page.locator('#place').inputValue(), 'Lâm Đồng');
  assert.equal(await page.locator('#date-month').inputValue(), '3');
  assert.equal(await page.locator('#sign-authority').inputValue(), 'KT. GIÁM ĐỐC');
  assert.equal(await page.locator('#sign-position').inputValue(), 'PHÓ GIÁM ĐỐC');
  assert.equal(await page.locator('#sign-name').inputValue(), 'Trần Thị Bình');
  assert.equal(await page.locator('#summary').inputValue(),
    'Kết quả thực hiện nhiệm vụ quý I năm 2026, nhiệm vụ trọng tâm quý II năm 2026');
  assert.ok(await page.locator('.heading-row .rich', { hasText: 'PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2026' }).isVisible());

  const first = paragraphUnder(page, 'Công tác chỉ đạo, điều hành');
  await first.click();
  await page.keyboard.type('Trong quý I năm 2026, Sở tổ chức 12 hội nghị theo Kế hoạch số 05/KH-SNV ngày 10/01/2026.');
  await page.keyboard.press('Control+s');
  await waitSaved(page);
  await shot(page, 'department-quarter-I');
  // No finding about the period of what the template wrote.
  assert.equal(await page.locator('.finding-group[data-rule="period"]').count(), 0);

  // Next quarter.
  const item = page.getByTestId('draft-item').filter({ hasText: 'quý I năm 2026' });
  assert.match(await item.textContent(), /Kỳ báo cáo: quý I năm 2026/);
  await item.getByTestId('next-month').click();
  await page.getByRole('heading', { name: 'Báo cáo quý II năm 2026', level: 2 }).waitFor();
  assert.equal(await page.locator('#summary').inputValue(),
    'Kết quả thực hiện nhiệm vụ quý II năm 2026, nhiệm vụ trọng tâm quý III năm 2026');
  assert.equal(await page.locator('#date-month').inputValue(), '6');
  assert.equal(await page.getByTestId('period-dates').textContent(),
    'Kỳ báo cáo: quý II năm 2026. Báo cáo ghi ngày trong tháng 6/2026. Số liệu thường tính từ ngày 15/3/2026 đến ngày 14/6/2026 (mốc nhiều tỉnh dùng; kiểm tra theo văn bản của tỉnh).');
  assert.ok(await page.locator('.heading-row .rich', { hasText: 'PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM QUÝ III NĂM 2026' }).isVisible());
  const carried = paragraphUnder(page, 'Công tác chỉ đạo, điều hành');
  assert.equal(await carried.textContent(),
    'Trong quý II năm 2026, Sở tổ chức 12 hội nghị theo Kế hoạch số 05/KH-SNV ngày 10/01/2026.');
  // Only the quantity is marked; the cited plan's number and date are not.
  assert.deepEqual(await carried.locator('mark.stale').allTextContents(), ['12']);
  const notice = await page.getByTestId('notice').textContent();
  assert.match(notice, /Đã chuyển 4 chỗ ghi kỳ báo cáo sang kỳ mới: gạch chân xanh trong bài, liệt kê ở «Đã chuyển sang kỳ mới»/);
  // Where they are, in reading order: the trích yếu, the paragraph, the tasks part's heading.
  await page.getByTestId('moved-list').waitFor();
  assert.deepEqual(await page.getByTestId('moved-go').locator('.moved-words').allTextContents(), [
    '«quý I năm 2026» → «quý II năm 2026»', '«quý II năm 2026» → «quý III năm 2026»',
    '«quý I năm 2026» → «quý II năm 2026»', '«QUÝ II NĂM 2026» → «QUÝ III NĂM 2026»',
  ]);
  const tasks = page.getByTestId('previous-tasks');
  await tasks.waitFor();
  assert.match(await tasks.locator('summary').textContent(), /Nhiệm vụ đã đề ra cho quý II năm 2026/);
  await shot(page, 'department-quarter-II');
  // The file is named after the sở's ký hiệu and the period.
  const docx = await downloadDocx(page);
  assert.equal(docx.name, 'BC-SNV-quy-II-2026.docx');
  assert.deepEqual(browser.consoleErrors, []);
});

test('a commune\'s monthly report from its template, next month, and a lũy kế that fell', async () => {
  const page = await openApp(browser.context, server.url);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.selectOption('#tpl-unit', 'commune');
  assert.equal(await page.locator('#tpl-kind').inputValue(), 'ktxh');
  await page.selectOption('#tpl-span', 'month');
  await page.selectOption('#tpl-number', '11');
  await setYear(page, 2025);
  assert.match(await page.getByTestId('tpl-deadline').textContent(), /từ ngày 15\/10\/2025 đến ngày 14\/11\/2025/);
  await page.getByTestId('new-from-template').click();
  await page.getByRole('heading', { name: 'Báo cáo tháng 11/2025', level: 2 }).waitFor();

  // An UBND xã: its conventions, its names left for the official.
  assert.equal(await page.locator('#issuing-agency').inputValue(), '');
  assert.equal(await page.locator('#issuing-agency').getAttribute('placeholder'), 'ỦY BAN NHÂN DÂN\nXÃ … (hoặc SỞ …)');
  assert.equal(await page.locator('#doc-code').inputValue(), 'BC-UBND');
  assert.equal(await page.locator('#sign-authority').inputValue(), 'TM. ỦY BAN NHÂN DÂN');
  assert.equal(await page.locator('#sign-name').inputValue(), '');
  assert.equal(await page.locator('#recipient-2').inputValue(), 'Thường trực HĐND xã;');
  assert.equal(await page.locator('#summary').inputValue(),
    'Tình hình phát triển kinh tế - xã hội, quốc phòng - an ninh tháng 11/2025, nhiệm vụ công tác tháng 12/2025');

  const first = paragraphUnder(page, 'Kinh tế: nông nghiệp, công nghiệp, thương mại, dịch vụ');
  await first.click();
  await page.keyboard.type('Thu ngân sách trong tháng đạt 12,5 tỷ đồng, lũy kế 11 tháng đầu năm đạt 120,3 tỷ đồng.');
  await page.keyboard.press('Control+s');
  await waitSaved(page);
  await shot(page, 'commune-november');

  const item = page.getByTestId('draft-item').filter({ hasText: 'Báo cáo tháng 11/2025' });
  await item.getByTestId('next-month').click();
  await page.getByRole('heading', { name: 'Báo cáo tháng 12/2025', level: 2 }).waitFor();
  const para = paragraphUnder(page, 'Kinh tế: nông nghiệp, công nghiệp, thương mại, dịch vụ');
  assert.equal(await para.textContent(), 'Thu ngân sách trong tháng đạt 12,5 tỷ đồng, lũy kế cả năm đạt 120,3 tỷ đồng.');
  assert.deepEqual(await para.locator('mark.stale').allTextContents(), ['12,5', '120,3']);

  // The official types a lũy kế smaller than last month's.
  await retype(para, '120,3', page, '110');
  const warning = page.locator('.finding', { hasText: 'nhỏ hơn số lũy kế kỳ trước' });
  await warning.waitFor();
  assert.match(await warning.textContent(),
    /Số lũy kế 110 tỷ đồng nhỏ hơn số lũy kế kỳ trước 120,3 tỷ đồng \(báo cáo tháng 11\/2025: «Thu ngân sách trong tháng đạt 12,5 tỷ đồng, lũy kế 11 tháng đầu năm đạt 120,3 tỷ đồng»\)/);
  await warning.scrollIntoViewIfNeeded();
  await shot(page, 'commune-december-luy-ke-fell');

  // This month's figure and a lũy kế that adds up: the warning goes.
  await retype(para, '12,5', page, '13');
  const text = await para.textContent();
  assert.equal(text, 'Thu ngân sách trong tháng đạt 13 tỷ đồng, lũy kế cả năm đạt 110 tỷ đồng.');
  await para.evaluate((el, word) => {
    el.focus();
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.data.indexOf(word);
      if (at >= 0) {
        const r = document.createRange();
        r.setStart(n, at);
        r.setEnd(n, at + word.length);
        getSelection().removeAllRanges();
        getSelection().addRange(r);
        return;
      }
    }
  }, '110');
  await page.keyboard.type('133,3');
  assert.equal(await para.textContent(), 'Thu ngân sách trong tháng đạt 13 tỷ đồng, lũy kế cả năm đạt 133,3 tỷ đồng.');
  await page.waitForFunction(() => ![...document.querySelectorAll('.finding')].some((f) => f.textContent.includes('lũy kế kỳ trước')));
  await page.keyboard.press('Control+s');
  await waitSaved(page);
  const drafts = Object.values(await storedDrafts(page));
  const december = drafts.find((d) => d?.name === 'Báo cáo tháng 12/2025');
  assert.equal(december.report.previous_cumulative.length, 1);
  assert.equal(december.report.previous_cumulative[0].raw, '120,3');
  assert.deepEqual(browser.consoleErrors, []);
});

test('a damaged unit profile is set aside and reported; new reports start from an empty one', async () => {
  const page = await openApp(browser.context, server.url);
  await page.evaluate(() => localStorage.setItem('baocao/profile', '{"place": "Lâm Đồ'));
  await page.reload();
  await page.getByTestId('template-chooser').waitFor();
  assert.match(await page.getByTestId('notice').textContent(), /Hồ sơ đơn vị lưu trong trình duyệt bị hỏng/);
  assert.equal(await page.evaluate(() => localStorage.getItem('baocao/profile-damaged')), '{"place": "Lâm Đồ');
  assert.equal(await page.evaluate(() => localStorage.getItem('baocao/profile')), null);
  await page.getByTestId('profile-missing').waitFor();
  await page.getByTestId('new-from-template').click();
  await page.locator('.doc-editor .sec-part').first().waitFor();
  assert.equal(await page.locator('#place').inputValue(), '');
  assert.deepEqual(browser.consoleErrors, []);
});
