// Speed on an old office PC: a forty-page report (seed 001's body four
// times, 108 footnotes) opened and typed in with the CPU slowed down four
// times. Timings are printed, never asserted (see the brief).
import { test, before, after } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDist, launch, openApp } from './harness.mjs';
import { assert, seed001, typeTimed, pageTiming } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Seed 001 with its body (parts I–III and their footnotes) four times over. */
function fortyPages() {
  const lines = seed001.split('\n');
  const start = lines.findIndex((l) => l.startsWith('I. NHỮNG KẾT QUẢ'));
  const end = lines.findIndex((l) => l.startsWith('Nơi nhận'));
  const body = lines.slice(start, end).join('\n');
  return [lines.slice(0, start).join('\n'), body, body, body, body, lines.slice(end).join('\n')].join('\n\n');
}

test('a forty-page report opens and takes keystrokes quickly on a slowed-down CPU', async () => {
  const text = fortyPages();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-perf-')), 'bao-cao-40-trang.txt');
  fs.writeFileSync(file, text);
  const page = await openApp(browser.context, server.url);
  await page.getByTestId('import-file').setInputFiles(file);
  await page.locator('.fn-item').nth(107).waitFor();
  assert.equal(await page.locator('.fn-item').count(), 108, 'every footnote kept, each with its own number');
  const paragraphs = await page.locator('.doc-editor .block.para').count();
  console.log(`  40-page report: ${(text.length / 1024).toFixed(0)} KB of text, ${paragraphs} paragraphs, 108 footnotes`);

  for (const rate of [1, 4]) {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.getByTestId('new-draft').click();
    await page.locator('.doc-editor').waitFor();
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Mở bản nháp Báo cáo tháng 3/2025' }).click();
    await page.locator('.fn-item').nth(107).waitFor();
    const open = Date.now() - t0;
    const para = page.locator('.block.para .rich', { hasText: 'Công tác thu NSNN thành phố trong tháng' }).last();
    await para.click();
    await page.keyboard.press('End');
    // The browser's own measure of each key: from the event to the next paint.
    await page.evaluate(() => {
      window.__keys = [];
      window.__observer?.disconnect();
      window.__observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.name === 'keydown') window.__keys.push(e.duration);
      });
      window.__observer.observe({ type: 'event', durationThreshold: 16, buffered: false });
    });
    const perKey = await typeTimed(page, ' Gõ thêm để đo thời gian.');
    await page.waitForTimeout(900);
    const slow = await page.evaluate(() => window.__keys);
    console.log(`  CPU ×${rate}: open ${open} ms (in-page ${await pageTiming(page, 'open')} ms); keystroke round trip ${perKey.toFixed(1)} ms/key, input handler ${await pageTiming(page, 'input')} ms; checks ${await pageTiming(page, 'checks')} ms; autosave ${await pageTiming(page, 'save')} ms; keydowns slower than 16 ms to paint: ${slow.length} of 25 keys (max ${Math.max(0, ...slow).toFixed(0)} ms)`);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
  }
  assert.deepEqual(browser.consoleErrors, []);
});
