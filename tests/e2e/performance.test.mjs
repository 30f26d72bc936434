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

/**
 * Types `text` into the focused field, `delay` ms between keys, and measures
 * each key from its keydown to the screen, two ways:
 * - the browser's own (Event Timing: to the next paint), which reports only
 *   keys over 16 ms and on some runs none at all, whatever they took (seen as
 *   "0 keydowns over 16 ms" beside a 30 ms round trip per key);
 * - the page's: from the keydown's timestamp to the task after the next
 *   frame's rendering (requestAnimationFrame, then a message), for every key.
 *   Keys sent back to back queue behind each other, which this counts.
 * Letters with diacritics are typed as text, with no keydown.
 */
async function measureKeys(page, text, delay) {
  await page.evaluate(() => {
    window.__keys = [];
    window.__frames = [];
    window.__observer?.disconnect();
    // Not the keys pressed before (End, while the page may still be busy
    // opening the report), whose entries can come after this.
    const from = performance.now();
    window.__observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'keydown' && e.startTime >= from) window.__keys.push(e.duration);
    });
    window.__observer.observe({ type: 'event', durationThreshold: 16, buffered: false });
    // Long animation frames (over 50 ms of a frame's work on the page's
    // thread) and the scripts in them: whether a slow key waited on the
    // page's own work or on something outside the page's thread.
    window.__longFrames = [];
    window.__frameObserver?.disconnect();
    window.__frameObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.startTime < from) continue;
        const scripts = e.scripts.filter((x) => x.duration >= 1).map((x) => `${x.invokerType === 'user-callback' ? x.invoker : x.invokerType} ${x.duration.toFixed(0)} ms`);
        window.__longFrames.push(`${e.duration.toFixed(0)} ms${scripts.length ? ` (${scripts.join(', ')})` : ''}`);
      }
    });
    window.__frameObserver.observe({ type: 'long-animation-frame', buffered: false });
    if (window.__onKey) window.removeEventListener('keydown', window.__onKey, true);
    window.__onKey = (e) => {
      const t = e.timeStamp;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => window.__frames.push(performance.now() - t);
        channel.port2.postMessage(0);
      });
    };
    window.addEventListener('keydown', window.__onKey, true);
  });
  const perKey = delay ? 0 : await typeTimed(page, text);
  if (delay) await page.keyboard.type(text, { delay });
  await page.waitForTimeout(900);
  const { slow, frames, longFrames } = await page.evaluate(() => ({ slow: window.__keys, frames: window.__frames, longFrames: window.__longFrames }));
  const sorted = [...frames].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const summary = `keydown to the next frame: median ${median.toFixed(0)} ms, max ${Math.max(0, ...frames).toFixed(0)} ms, ${frames.filter((d) => d > 50).length} of ${frames.length} keys over 50 ms; Event Timing: ${slow.length} keydowns reported over 16 ms (max ${Math.max(0, ...slow).toFixed(0)} ms); long animation frames: ${longFrames.length ? longFrames.join('; ') : 'none'}`;
  return { perKey, summary };
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
    const fast = await measureKeys(page, ' Gõ thêm để đo thời gian.', 0);
    // Over six seconds without a pause: longer than the autosave waits for
    // one (4 s), so a save falls among these keys.
    const paced = await measureKeys(page, ' Gõ đều tay tám phím mỗi giây, liền một mạch hơn sáu giây.', 125);
    const quick = await measureKeys(page, ' Người gõ nhanh, mười hai phím mỗi giây.', 83);
    console.log(`  CPU ×${rate}: open ${open} ms (in-page ${await pageTiming(page, 'open')} ms); keystroke round trip ${fast.perKey.toFixed(1)} ms/key, input handler ${await pageTiming(page, 'input')} ms; checks ${await pageTiming(page, 'checks')} ms; autosave ${await pageTiming(page, 'save')} ms`);
    console.log(`    keys as fast as they go: ${fast.summary}`);
    console.log(`    eight keys a second: ${paced.summary}`);
    console.log(`    twelve keys a second: ${quick.summary}`);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
  }

  // A reference on the same machine: the same paragraphs in a page with no
  // script at all, each paragraph a contenteditable of its own, in groups
  // of four skipped off screen (as the editor's sections are), typed into
  // the same way at CPU ×4. What it takes is the browser's own editing and
  // drawing, which no script of the page can remove. Keys sent back to back
  // (dozens a second, faster than any typist) queue behind each other's
  // drawing here too.
  const floor = await browser.context.newPage();
  const escape = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const lines = text.split('\n').filter((l) => l.trim());
  const groups = [];
  for (let i = 0; i < lines.length; i += 4) groups.push(`<div class="g">${lines.slice(i, i + 4).map((l) => `<p contenteditable="true">${escape(l)}</p>`).join('')}</div>`);
  await floor.setContent(`<!doctype html><meta charset="utf-8"><style>body { font: 1rem/1.6 "Times New Roman", serif; max-width: 50rem; margin: 2rem auto; } p { margin: 0 0 0.5rem; } .g { content-visibility: auto; contain-intrinsic-size: auto 12rem; }</style>${groups.join('')}`);
  const floorCdp = await browser.context.newCDPSession(floor);
  await floorCdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await floor.locator('p', { hasText: 'Công tác thu NSNN thành phố trong tháng' }).last().click();
  await floor.keyboard.press('End');
  const floorFast = await measureKeys(floor, ' Gõ thêm để đo thời gian.', 0);
  const floorPaced = await measureKeys(floor, ' Gõ đều tay tám phím mỗi giây, liền một mạch hơn sáu giây.', 125);
  const floorQuick = await measureKeys(floor, ' Người gõ nhanh, mười hai phím mỗi giây.', 83);
  console.log(`  CPU ×4, the same text with no script (${lines.length} editable paragraphs):`);
  console.log(`    keys as fast as they go: ${floorFast.summary}`);
  console.log(`    eight keys a second: ${floorPaced.summary}`);
  console.log(`    twelve keys a second: ${floorQuick.summary}`);
  await floorCdp.detach();
  await floor.close();

  // Sections off screen are not laid out; the height they are given meanwhile
  // (body.rs, `estimated_rem`) keeps the scrollbar about right: the editor
  // is within 15% of its height once everything is laid out.
  const height = () => page.evaluate(() => document.querySelector('.doc-editor').getBoundingClientRect().height);
  await page.evaluate(() => window.scrollTo(0, 0));
  const estimated = await height();
  const style = await page.addStyleTag({ content: '.doc-editor * { content-visibility: visible !important; }' });
  const laidOut = await height();
  await style.evaluate((el) => el.remove());
  console.log(`  editor height before layout ${estimated.toFixed(0)} px, laid out ${laidOut.toFixed(0)} px`);
  assert.ok(Math.abs(estimated / laidOut - 1) < 0.15, `estimated ${estimated} px against ${laidOut} px laid out`);
  assert.deepEqual(browser.consoleErrors, []);
});
