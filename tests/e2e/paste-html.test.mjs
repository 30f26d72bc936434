// Paste from Word: the clipboard's HTML is read, so the footnotes come with
// their texts and bold stays bold (text/plain alone lost both).
import { test, before, after } from 'node:test';
import { serveDist, launch, openApp, screenshot, newDraftWithoutWorker } from './harness.mjs';
import { assert, waitSaved } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// Two paragraphs with two footnotes, bold and italic, as Word for Windows
// puts them on the clipboard (its style sheet trimmed).
const wordHtml = `<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"><head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<style><!-- p.MsoNormal {margin:0cm;font-size:14.0pt;font-family:"Times New Roman"} --></style>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->
</head><body lang=VI style='tab-interval:36.0pt'>
<!--StartFragment-->
<p class=MsoNormal style='text-align:justify'>Thu ngân sách đạt <b>1.200 triệu
đồng</b><a style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1" title=""><span
class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]><span
class=MsoFootnoteReference><span style='font-size:14.0pt'>[1]</span></span><![endif]></span></span></a>,
t&#259;ng <i>5%</i> so v&#7899;i cùng k&#7923;.<o:p></o:p></p>
<p class=MsoNormal><span style='font-weight:bold'>Chi thường xuyên</span> bảo đảm<a style='mso-footnote-id:ftn2'
href="#_ftn2" name="_ftnref2" title=""><span class=MsoFootnoteReference><span
style='mso-special-character:footnote'><![if !supportFootnotes]>[2]<![endif]></span></span></a>.<o:p>&nbsp;</o:p></p>
<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all>
<hr align=left size=1 width="33%"><![endif]>
<div style='mso-element:footnote' id=ftn1>
<p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' href="#_ftnref1" name="_ftn1" title=""><span
class=MsoFootnoteReference>[1]</span></a> Theo số liệu của Kho bạc Nhà nước.<o:p></o:p></p>
</div>
<div style='mso-element:footnote' id=ftn2>
<p class=MsoFootnoteText><a style='mso-footnote-id:ftn2' href="#_ftnref2" name="_ftn2" title=""><span
class=MsoFootnoteReference>[2]</span></a> Chưa gồm chi đầu tư phát triển.<o:p></o:p></p>
</div>
</div>
<!--EndFragment-->
</body></html>`;

// What Word puts beside it as text/plain: no bold, footnote markers as "[1]".
const wordText = 'Thu ngân sách đạt 1.200 triệu đồng[1], tăng 5% so với cùng kỳ.\r\n'
  + 'Chi thường xuyên bảo đảm[2].\r\n\r\n[1] Theo số liệu của Kho bạc Nhà nước.\r\n'
  + '[2] Chưa gồm chi đầu tư phát triển.\r\n';

async function pasteClipboard(locator, items) {
  await locator.evaluate((el, items) => {
    const data = new DataTransfer();
    for (const [type, value] of Object.entries(items)) data.setData(type, value);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, items);
}

test('pasting from Word keeps its two footnotes in order and its bold', async () => {
  const page = await openApp(browser.context, server.url);
  await page.getByTestId('new-draft').click();
  const field = page.locator('.doc-editor .block.para .rich').first();
  await field.click();
  await pasteClipboard(field, { 'text/html': wordHtml, 'text/plain': wordText });

  await page.locator('.fn-item').nth(1).waitFor();
  assert.equal(await page.locator('.fn-item').count(), 2);
  const notes = await page.locator('.fn-item .rich').allTextContents();
  assert.deepEqual(notes, ['Theo số liệu của Kho bạc Nhà nước.', 'Chưa gồm chi đầu tư phát triển.']);
  await page.getByTestId('notice')
    .filter({ hasText: 'Đã dán và đọc cấu trúc: 0 đề mục, 2 đoạn/bảng, 2 chú thích.' }).waitFor();

  const first = page.locator('.doc-editor .block.para .rich', { hasText: 'Thu ngân sách đạt' });
  await first.locator('b', { hasText: '1.200 triệu đồng' }).waitFor();
  await first.locator('i', { hasText: '5%' }).waitFor();
  // The markers stand where Word had them, numbered in reading order, and
  // the "[1]" of the plain text is nowhere.
  assert.deepEqual(await page.locator('.doc-editor sup.note').allTextContents(), ['1', '2']);
  assert.equal(await first.textContent(), 'Thu ngân sách đạt 1.200 triệu đồng1, tăng 5% so với cùng kỳ.');
  const second = page.locator('.doc-editor .block.para .rich', { hasText: 'bảo đảm' });
  await second.locator('b', { hasText: 'Chi thường xuyên' }).waitFor();
  await waitSaved(page);
  await screenshot(page, 'paste-word-html');

  // One Word paragraph pasted inside a paragraph goes in at the caret, bold kept.
  await second.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Tăng ');
  await pasteClipboard(second, {
    'text/html': '<p class=MsoNormal><b>7%</b> so với năm trước<o:p></o:p></p>',
    'text/plain': '7% so với năm trước',
  });
  await second.locator('b', { hasText: '7%' }).waitFor();
  assert.equal(await second.textContent(), 'Chi thường xuyên bảo đảm2. Tăng 7% so với năm trước');
  assert.equal(await page.locator('.fn-item').count(), 2);
  await screenshot(page, 'paste-word-html-inline');
  assert.deepEqual(browser.consoleErrors, []);
});

// The HTML is read by the document worker. If the worker cannot start (its
// files missing from an old copy of the page), the plain text still goes in
// and the page says why the formatting did not come with it.
test('when the worker cannot read the HTML, the plain text goes in with a message', async () => {
  const { browser: own, page, field } = await newDraftWithoutWorker(server.url);
  try {
    await pasteClipboard(field, {
      'text/html': '<p>Giải quyết <b>312</b> hồ sơ hành chính đúng hạn.</p>',
      'text/plain': 'Giải quyết 312 hồ sơ hành chính đúng hạn.',
    });
    await page.getByTestId('notice').filter({ hasText: 'nên chỉ dán phần chữ' }).waitFor();
    await field.filter({ hasText: 'Giải quyết 312 hồ sơ hành chính đúng hạn.' }).waitFor();
    assert.equal(await field.locator('b').count(), 0, 'the plain text, without the bold');
    await waitSaved(page);
    await screenshot(page, 'paste-html-without-worker');
  } finally {
    await own.close();
  }
});
