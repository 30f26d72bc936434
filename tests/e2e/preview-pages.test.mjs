// The A4 preview in pages, as the .docx prints: each seed and each real
// sample opened in the page, its preview counted in pages and compared
// with LibreOffice's render of the .docx the page downloads (within one
// page, issue 13 point 6); every footnote at the foot of the page holding
// its marker; page numbers from page 2.
import { test, before, after } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serveDist, launch, openApp, screenshot, seedsDir } from './harness.mjs';
import { assert, downloadDocx, waitSaved } from './helpers.mjs';

const samples = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../samples');
const inputs = [
  path.join(seedsDir, '000_28b43714a13a73f1.txt'),
  path.join(seedsDir, '001_1a00eb9240ccd3d2.txt'),
  ...fs.readdirSync(samples).filter((f) => f.endsWith('.docx')).sort().map((f) => path.join(samples, f)),
];

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Pages of a .docx as LibreOffice lays it out. */
function libreOfficePages(bytes) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-pages-'));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-lo-profile-'));
  try {
    const docx = path.join(dir, 'report.docx');
    fs.writeFileSync(docx, bytes);
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless',
      '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 180_000, stdio: 'ignore' });
    const info = execFileSync('pdfinfo', [path.join(dir, 'report.pdf')]).toString();
    return Number(info.match(/Pages:\s+(\d+)/)[1]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

for (const input of inputs) {
  const name = path.basename(input);
  test(`the preview of ${name} has the pages of its .docx`, async () => {
    const page = await openApp(browser.context, server.url);
    await page.getByTestId('import-file').setInputFiles(input);
    await page.getByTestId('notice').filter({ hasText: 'Đã đọc tệp' }).waitFor();
    await waitSaved(page);
    await page.getByTestId('view-preview').click();
    const sheet = page.locator('.preview-sheet[data-pages]');
    await sheet.waitFor();
    const shown = Number(await sheet.getAttribute('data-pages'));
    assert.equal(await sheet.locator('.a4.page').count(), shown);

    // Every note stands on the page of its marker.
    const misplaced = await sheet.evaluate((wrap) => {
      const out = [];
      wrap.querySelectorAll('.a4.page').forEach((p, i) => {
        const marks = new Set([...p.querySelectorAll('sup.fn-ref')].map((s) => s.textContent));
        // A note continued from the page before stands apart.
        p.querySelectorAll('.footnotes .footnote > sup').forEach((s) => {
          if (s.closest('.continued')) return;
          if (!marks.has(s.textContent)) out.push(`note ${s.textContent} on page ${i + 1}`);
        });
      });
      return out;
    });
    assert.deepEqual(misplaced, []);
    // Numbers at the top from page 2; an appendix's first page has none and
    // its next pages count again from 2 (nd30.md §10).
    const numbers = await sheet.evaluate((wrap) => [...wrap.querySelectorAll('.a4.page')]
      .map((p) => ({
        number: p.querySelector('.page-number')?.textContent ?? null,
        appendix: p.querySelector('.piece')?.querySelector('.appendix-label') !== null,
      })));
    let expected = null;
    numbers.forEach((p, i) => {
      expected = i === 0 || p.appendix ? null : String(expected === null ? 2 : Number(expected) + 1);
      assert.equal(p.number, expected, `the number of page ${i + 1}`);
    });
    if (shown > 1) {
      await sheet.locator('.a4.page').nth(1).scrollIntoViewIfNeeded();
      await screenshot(page, `preview-pages-${name.replace(/\.\w+$/, '')}`);
    }

    await page.getByTestId('view-edit').click();
    const file = await downloadDocx(page);
    const printed = libreOfficePages(file.bytes);
    console.log(`${name}: preview ${shown} pages, LibreOffice ${printed} pages`);
    assert.ok(Math.abs(shown - printed) <= 1, `${name}: preview ${shown} pages, the .docx ${printed}`);
    await page.close();
  });
}
