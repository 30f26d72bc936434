// Issue 13, points 1, 2 and 9: the keyboard behaves as in Word (Tab moves
// focus, Alt+Shift+→/← change a heading's level, Ctrl+Z / Ctrl+Y undo and
// redo it), "Tải về .docx" first shows "Kiểm tra trước khi gửi", and focus
// lands where the official just acted. Screenshots of the dialog at 1366 px
// and at 200% zoom go to target/screenshots/editor/ (and target/screenshots/).
import { test, before, after } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, openApp, readDocx, foreignRequests, screenshot, seedsDir, dist } from './harness.mjs';
import {
  assert, newFromTemplate, headingLabels, unlabelledControls, download, focused, waitSaved,
} from './helpers.mjs';

const shots = process.env.SHOTS_DIR || path.join(dist, '..', 'target', 'screenshots', 'editor');

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** A screenshot for a person to look at, in the shots folder too. */
async function shot(page, name) {
  await screenshot(page, name);
  try {
    fs.mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, `${name}.png`) });
  } catch { /* the folder is optional outside this machine */ }
}

/** The window of a 1366×768 screen with the browser's zoom at 100% or
 * 200%: at 200% the page lays out in 683×384 CSS pixels, as Chromium's zoom
 * does (media queries included). */
async function windowAt(page, zoom) {
  await page.setViewportSize({ width: Math.round(1366 / zoom), height: Math.round(768 / zoom) });
  await page.waitForTimeout(150);
}

const heading = (page, title) => page.locator('.heading-row .rich', { hasText: title }).first();

test('Tab moves focus and never changes a level; Alt+Shift+→ demotes, Ctrl+Z restores, Ctrl+Y redoes', async () => {
  const page = await openApp(browser.context, server.url);
  await newFromTemplate(page);
  // Point 9: the new report has the keyboard, in its trích yếu.
  await page.waitForFunction(() => document.activeElement?.id === 'summary');
  const labels = await headingLabels(page);
  assert.equal(labels[2], '2. Đầu tư xây dựng cơ bản');

  // Tab through a heading: focus goes on, the outline stays as it was.
  await heading(page, 'Đầu tư xây dựng cơ bản').click();
  await page.keyboard.press('Tab');
  const after = await focused(page);
  assert.notEqual(after.text, 'Đầu tư xây dựng cơ bản', 'Tab left the title');
  await page.keyboard.press('Shift+Tab');
  assert.equal((await focused(page)).text, 'Đầu tư xây dựng cơ bản', 'Shift+Tab came back to it');
  await page.keyboard.press('Shift+Tab');
  await page.waitForTimeout(300);
  assert.deepEqual(await headingLabels(page), labels, 'Tab and Shift+Tab changed no level');

  // Word's outline keys.
  await heading(page, 'Đầu tư xây dựng cơ bản').click();
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await page.waitForFunction(() => [...document.querySelectorAll('.heading-row .num')].some((n) => n.textContent === '1.1.'));
  const demoted = await headingLabels(page);
  assert.equal(demoted[2], '1.1. Đầu tư xây dựng cơ bản');
  assert.equal(demoted[3], '2. Nông nghiệp và Môi trường, đất đai, giải phóng mặt bằng');

  // Ctrl+Z takes it back, Ctrl+Y makes it again, Ctrl+Shift+Z too.
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => ![...document.querySelectorAll('.heading-row .num')].some((n) => n.textContent === '1.1.'));
  assert.deepEqual(await headingLabels(page), labels);
  assert.match(await page.getByTestId('notice').textContent(), /Đã hoàn tác: Hạ cấp mục/);
  await page.getByTestId('redo').waitFor();
  await page.keyboard.press('Control+y');
  await page.waitForFunction(() => [...document.querySelectorAll('.heading-row .num')].some((n) => n.textContent === '1.1.'));
  assert.deepEqual(await headingLabels(page), demoted);
  assert.match(await page.getByTestId('notice').textContent(), /Đã làm lại: Hạ cấp mục/);
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => ![...document.querySelectorAll('.heading-row .num')].some((n) => n.textContent === '1.1.'));
  await page.keyboard.press('Control+Shift+Z');
  await page.waitForFunction(() => [...document.querySelectorAll('.heading-row .num')].some((n) => n.textContent === '1.1.'));

  // Alt+Shift+← promotes it back; typing then Ctrl+Z is the text's own undo.
  await heading(page, 'Đầu tư xây dựng cơ bản').click();
  await page.keyboard.press('Alt+Shift+ArrowLeft');
  await page.waitForFunction(() => ![...document.querySelectorAll('.heading-row .num')].some((n) => n.textContent === '1.1.'));
  assert.deepEqual(await headingLabels(page), labels);
  // The ⇥ button does what Alt+Shift+→ does, and names its key.
  const row = page.locator('.heading-row', { has: page.locator('.rich', { hasText: 'Đầu tư xây dựng cơ bản' }) }).first();
  const demote = row.getByRole('button', { name: 'Hạ cấp mục' });
  assert.match(await demote.getAttribute('title'), /Alt\+Shift\+→/);
  await demote.click();
  await page.waitForFunction(() => [...document.querySelectorAll('.heading-row .num')].some((n) => n.textContent === '1.1.'));
  assert.deepEqual(browser.consoleErrors, []);
});

test('"Tải về .docx" first lists what the report misses; Esc closes; a place is one click away; "Vẫn tải về" downloads', async () => {
  const page = await openApp(browser.context, server.url);
  await windowAt(page, 1);
  await newFromTemplate(page);
  await waitSaved(page);
  // An empty template is not "all fine".
  await page.locator('.finding[data-rule="empty-section"]').first().waitFor();
  assert.doesNotMatch(await page.locator('.findings-summary').textContent(), /Không thấy vấn đề nào/);

  await page.getByTestId('download-docx').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('presend');
  await dialog.waitFor();
  assert.equal(await dialog.getAttribute('aria-labelledby'), 'presend-title');
  assert.ok(await page.evaluate(() => document.querySelector('dialog.presend').matches(':modal')));
  // Focus is in the dialog, on the safe choice.
  await page.waitForFunction(() => document.activeElement?.id === 'presend-back');
  const groups = await dialog.locator('.presend-group').evaluateAll((gs) => gs.map((g) => g.dataset.kind));
  assert.deepEqual(groups, ['empty-section', 'missing']);
  assert.match(await dialog.locator('[data-kind="empty-section"] h3').textContent(), /Mục chưa có nội dung \(20\)/);
  const missing = await dialog.locator('.presend-missing .presend-message').allTextContents();
  assert.ok(missing.some((m) => m.includes('họ tên người ký')), missing.join(' | '));
  assert.ok(missing.some((m) => m.includes('./.') || m.includes('còn trống')), missing.join(' | '));
  assert.match(await dialog.locator('#presend-intro').textContent(), /20 mục chưa có nội dung/);
  assert.deepEqual(await unlabelledControls(page), []);
  await shot(page, 'presend-1366');

  // No trap and no escape to the page behind: Tab stays in the dialog, Esc leaves it.
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(() => !!document.activeElement?.closest('dialog.presend') || document.activeElement === document.body);
    assert.ok(inside, 'Tab stays within the dialog while it is open');
  }
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.id === 'download-docx');

  // At 200% zoom the dialog fits the window and its buttons are reachable.
  await windowAt(page, 2);
  await page.keyboard.press('Enter');
  await dialog.waitFor();
  const box = await page.evaluate(() => {
    const r = document.querySelector('dialog.presend').getBoundingClientRect();
    const b = document.querySelector('[data-testid="presend-download"]').getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, w: innerWidth, h: innerHeight, button: b.bottom };
  });
  assert.ok(box.left >= 0 && box.right <= box.w && box.top >= 0 && box.bottom <= box.h, JSON.stringify(box));
  assert.ok(box.button <= box.h, 'the buttons are in the window');
  await shot(page, 'presend-200');
  await windowAt(page, 1);

  // "Đến chỗ sửa" of the signer's name: the dialog closes, the name field has the keyboard.
  const signer = dialog.locator('.presend-item', { hasText: 'họ tên người ký' });
  await signer.getByRole('button', { name: /Đến .* để sửa/ }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.id === 'sign-name');
  await page.keyboard.type('Lò Văn Tâm');
  // An empty section: the dialog leads into its title.
  await page.getByTestId('download-docx').click();
  await dialog.waitFor();
  assert.equal(await dialog.locator('.presend-item', { hasText: 'họ tên người ký' }).count(), 0, 'the fixed field left the list');
  await dialog.locator('.presend-empty-section .presend-item').first().getByRole('button', { name: /Đến/ }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.classList.contains('rich') && document.activeElement.textContent === 'Kinh tế, hạ tầng và đô thị');

  // "Vẫn tải về": the list stays while the file is built, its button saying
  // so; then the file goes, the list closes, and focus comes back to the
  // button.
  await page.getByTestId('download-docx').click();
  await dialog.waitFor();
  await page.evaluate(() => {
    const button = document.querySelector('[data-testid="presend-download"]');
    window.__labels = [];
    new MutationObserver(() => window.__labels.push([button.textContent, button.getAttribute('aria-busy')]))
      .observe(button, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const file = await download(page, () => dialog.getByTestId('presend-download').click());
  assert.match(file.name, /\.docx$/);
  assert.ok(readDocx(file.bytes)['word/document.xml'].includes('Lò Văn Tâm'));
  await dialog.waitFor({ state: 'detached' });
  const labels = await page.evaluate(() => window.__labels);
  assert.ok(labels.some(([text, busy]) => text === 'Đang tạo tệp .docx…' && busy === 'true'),
    `the button said the file was being built: ${JSON.stringify(labels)}`);
  await page.waitForFunction(() => document.activeElement?.id === 'download-docx');
  assert.deepEqual(foreignRequests(browser.requests, server.url), []);
  assert.deepEqual(browser.consoleErrors, []);
});

test('a report with nothing to fix downloads at once, and says it was checked', async () => {
  const page = await openApp(browser.context, server.url);
  const text = 'ỦY BAN NHÂN DÂN\nXÃ TÂN HÀ\n\nSố: /BC-UBND\n\nTân Hà, ngày 05 tháng 4 năm 2026\n\nBÁO CÁO\n\nTình hình tháng 3/2026, nhiệm vụ tháng 4/2026\n\nI. KẾT QUẢ\n\nThu ngân sách được 4.210 triệu đồng./.\n\nNơi nhận:\n- UBND huyện (b/c);\n- Lưu: VT, VP.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLò Văn Tâm\n';
  await page.getByTestId('import-file').setInputFiles({ name: 'tan-ha.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.getByRole('heading', { name: 'Tình hình tháng 3/2026, nhiệm vụ tháng 4/2026', level: 2 }).or(page.locator('.doc-editor .sec-part')).first().waitFor();
  // Opening a file puts the keyboard in the report too.
  await page.waitForFunction(() => document.activeElement?.id === 'summary');
  const file = await download(page, () => page.getByTestId('download-docx').click());
  assert.match(file.name, /\.docx$/);
  assert.equal(await page.getByTestId('presend').count(), 0, 'no dialog for a clean report');
  await page.getByTestId('notice').filter({ hasText: 'Đã kiểm tra trước khi gửi' }).waitFor();
  await shot(page, 'presend-clear-notice-1366');
  assert.deepEqual(browser.consoleErrors, []);
});

test('focus follows the action: rename puts the keyboard in the name; "Đã xoá… Hoàn tác" stands where the draft was, announced', async () => {
  const page = await openApp(browser.context, server.url);
  await page.getByTestId('new-draft').click();
  await page.waitForFunction(() => document.activeElement?.id === 'summary');
  const items = page.getByTestId('draft-item');
  const count = await items.count();
  assert.ok(count >= 2);
  // "Đổi tên" from the keyboard: the name input has the focus, its text selected.
  const second = items.nth(1);
  const name = await second.locator('.draft-name').textContent();
  await second.getByTestId('rename').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'rename-input');
  const selected = await page.evaluate(() => { const a = document.activeElement; return a.value.slice(a.selectionStart, a.selectionEnd); });
  assert.equal(selected, name);
  await page.keyboard.type('Bản đổi tên bằng bàn phím');
  await page.keyboard.press('Enter');
  await page.locator('.draft-name', { hasText: 'Bản đổi tên bằng bàn phím' }).waitFor();

  // Delete the renamed draft: the message takes its place in the list, with the focus on "Hoàn tác".
  const renamed = page.getByTestId('draft-item').filter({ hasText: 'Bản đổi tên bằng bàn phím' });
  const index = await page.locator('.draft-items > li').evaluateAll((lis) => lis.findIndex((l) => l.textContent.includes('Bản đổi tên bằng bàn phím')));
  await renamed.getByTestId('delete').focus();
  await page.keyboard.press('Enter');
  const deleted = page.getByTestId('deleted-item');
  await deleted.waitFor();
  const at = await page.locator('.draft-items > li').evaluateAll((lis) => lis.findIndex((l) => l.dataset.testid === 'deleted-item'));
  assert.equal(at, index, 'the message stands where the draft stood');
  assert.equal(await deleted.getAttribute('role'), 'status');
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'undo-delete');
  await page.keyboard.press('Enter');
  await page.locator('.draft-name', { hasText: 'Bản đổi tên bằng bàn phím' }).waitFor();
  // Messages go through one live region that is always on the page.
  const region = page.getByTestId('notice-region');
  assert.equal(await region.getAttribute('aria-live'), 'polite');
  await shot(page, 'focus-after-undo-delete');
  assert.deepEqual(browser.consoleErrors, []);
});

test('next month\'s report lists its figures still from last month, and "Xác nhận vẫn đúng" takes them off the list', async () => {
  // (The draft open last, "Bản nháp …", would make openApp's heading ambiguous.)
  const page = browser.context.pages()[0];
  await page.goto(server.url);
  await page.locator('#drafts-title').waitFor();
  await page.getByTestId('import-file').setInputFiles(path.join(seedsDir, '001_1a00eb9240ccd3d2.txt'));
  await page.locator('.fn-item').nth(26).waitFor();
  await waitSaved(page);
  const march = page.getByTestId('draft-item').filter({ hasText: 'Báo cáo tháng 3/2025' }).first();
  await march.getByTestId('next-month').click();
  await page.getByRole('heading', { name: 'Báo cáo tháng 4/2025', level: 2 }).waitFor();
  const marks = await page.locator('.doc-editor mark.stale').count();
  await page.getByTestId('download-docx').click();
  const dialog = page.getByTestId('presend');
  await dialog.waitFor();
  const intro = await dialog.locator('#presend-intro').textContent();
  const figures = Number(intro.match(/(\d+) số liệu chép từ tháng trước/)?.[1]);
  assert.equal(figures, marks, intro);
  const group = dialog.locator('.presend-stale');
  const count = () => group.locator('h3').textContent().then((t) => Number(t.match(/\((\d+)\)/)[1]));
  const paragraphs = await count();
  assert.ok(paragraphs > 10, `paragraphs with old figures: ${paragraphs}`);
  // Errors and old figures come before empty sections and missing fields.
  const kinds = await dialog.locator('.presend-group').evaluateAll((gs) => gs.map((g) => g.dataset.kind));
  assert.equal(kinds[0] === 'error' ? kinds[1] : kinds[0], 'stale', kinds.join(','));
  const first = group.locator('.presend-item').first();
  const message = await first.locator('.presend-message').textContent();
  await first.getByRole('button', { name: /^Xác nhận số liệu/ }).click();
  await page.waitForFunction((n) => {
    const h = document.querySelector('.presend-stale h3');
    return h && Number(h.textContent.match(/\((\d+)\)/)[1]) === n - 1;
  }, paragraphs);
  assert.equal(await group.locator('.presend-message', { hasText: message }).count(), 0, 'the confirmed paragraph left the list');
  // Focus stays in the dialog after the button went away.
  assert.ok(await page.evaluate(() => !!document.activeElement?.closest('dialog.presend')));
  await shot(page, 'presend-stale-1366');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.deepEqual(browser.consoleErrors, []);
});
