// The single-file page (`make single`): dist-single/baocao.html opened from
// disk (file://) with networking off writes a draft, finds it again after a
// reload, checks it and downloads its .docx (built by the worker it carries).
import { test, before, after } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, dist, readDocx, screenshot } from './harness.mjs';
import { assert, newFromTemplate, paragraphUnder, waitSaved, download, downloadDocx } from './helpers.mjs';

const single = path.join(dist, '..', 'dist-single', 'baocao.html');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the single file opened from disk keeps a draft and downloads its .docx without network', async (t) => {
  if (!fs.existsSync(single)) throw new Error('dist-single/baocao.html is not built: run `make single` first');
  const html = fs.readFileSync(single, 'utf8');
  const policy = html.match(/script-src[^;"]*/)[0];
  assert.ok(!policy.includes("'unsafe-inline'"), policy);

  await browser.context.setOffline(true);
  const page = browser.context.pages()[0] || (await browser.context.newPage());
  const url = pathToFileURL(single).href;
  await page.goto(url);
  await page.getByRole('heading', { name: 'Bản nháp' }).waitFor();
  await newFromTemplate(page);
  const para = paragraphUnder(page, 'Kinh tế, hạ tầng và đô thị');
  await para.click();
  await page.keyboard.type('Thu ngân sách 12,5 tỷ đồng, mở từ tệp trên máy.');
  await waitSaved(page);

  await page.reload();
  await page.getByRole('heading', { name: 'Bản nháp' }).waitFor();
  await page.getByTestId('draft-item').first().getByRole('button', { name: /Mở bản nháp/ }).click();
  await paragraphUnder(page, 'Kinh tế, hạ tầng và đô thị').waitFor();
  assert.match(await paragraphUnder(page, 'Kinh tế, hạ tầng và đô thị').textContent(), /mở từ tệp trên máy\./);
  await screenshot(page, 'single-file');

  const docx = await downloadDocx(page);
  assert.match(docx.name, /\.docx$/);
  assert.match(readDocx(docx.bytes)['word/document.xml'], /Thu ngân sách 12,5 tỷ đồng, mở từ tệp trên máy\./);
  await browser.context.setOffline(false);

  const outside = browser.requests.filter((r) => !/^(file|data|blob):/.test(r));
  assert.deepEqual(outside, []);
  assert.deepEqual(browser.consoleErrors, []);
});
