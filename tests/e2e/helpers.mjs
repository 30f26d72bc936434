// Helpers shared by the editor's end-to-end tests: the page objects an
// official works with (drafts, fields, findings) and the browser tricks the
// stories need (a full localStorage, a paste, a download read back).
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { seedsDir } from './harness.mjs';

export const seed001 = fs.readFileSync(path.join(seedsDir, '001_1a00eb9240ccd3d2.txt'), 'utf8');
export const fixturesDir = path.join(seedsDir, '..', 'fixtures');

/** The month the browser's clock is in, as the template names it ("3/2025"). */
export function thisMonth() {
  const d = new Date();
  return { month: d.getMonth() + 1, year: d.getFullYear(), text: `${d.getMonth() + 1}/${d.getFullYear()}` };
}

/** Creates a draft from the monthly template and waits for its body. */
export async function newFromTemplate(page) {
  await page.getByTestId('new-from-template').click();
  await page.locator('.doc-editor .sec-part').first().waitFor();
}

/** The editable text of a section's first paragraph, by the section's title. */
export function paragraphUnder(page, title) {
  return page.locator('section.sec', { has: page.locator(':scope > .heading-row .rich', { hasText: title }) })
    .first().locator(':scope > .block.para .rich').first();
}

/** The numbers shown before the section titles, in reading order. */
export async function headingLabels(page) {
  return page.locator('.doc-editor .heading-row').evaluateAll((rows) =>
    rows.map((r) => `${r.querySelector('.num').textContent} ${r.querySelector('.rich').textContent}`.trim()));
}

/** Waits until the save status says it saved. */
export async function waitSaved(page) {
  await page.getByTestId('save-status').filter({ hasText: 'Đã lưu lúc' }).waitFor();
}

/** Clicks something that downloads, and returns { name, text, bytes }. */
export async function download(page, click) {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const bytes = fs.readFileSync(await d.path());
  return { name: d.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

/** Pastes plain text into the focused field as the browser would. */
export async function pastePlainText(locator, text) {
  await locator.evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Fills the origin's localStorage until the browser refuses (quota). */
export async function fillStorage(page) {
  return page.evaluate(() => {
    const chunk = 'x'.repeat(256 * 1024);
    let i = 0;
    try {
      for (; i < 200; i++) localStorage.setItem(`filler/${i}`, chunk);
    } catch (e) {
      // Top up with smaller pieces so not even a small draft fits.
      let small = 'y'.repeat(4096);
      for (let j = 0; j < 2000; j++) {
        try { localStorage.setItem(`filler/s${j}`, small); } catch (e2) { if (small.length <= 16) break; small = small.slice(0, small.length / 2); }
      }
      return { refusedAfter: i, error: e.name };
    }
    return { refusedAfter: i, error: null };
  });
}

/** Every stored draft, parsed, by key. */
export async function storedDrafts(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
    .filter((k) => k.startsWith('baocao/draft/'))
    .map((k) => { try { return [k, JSON.parse(localStorage.getItem(k))]; } catch { return [k, null]; } })));
}

/** Controls without an accessible name (should be none). */
export async function unlabelledControls(page) {
  return page.evaluate(() => {
    const bad = [];
    for (const el of document.querySelectorAll('button, input, textarea, select, [contenteditable="true"], summary')) {
      if (el.closest('[hidden], .hidden')) continue;
      const labelled = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')
        || (el.id && document.querySelector(`label[for="${el.id}"]`)) || el.closest('label')
        || (el.tagName !== 'INPUT' && el.tagName !== 'TEXTAREA' && el.textContent.trim());
      if (!labelled) bad.push(el.outerHTML.slice(0, 120));
    }
    return bad;
  });
}

/** Milliseconds the page recorded for its own work (data-<name>-ms). */
export async function pageTiming(page, name) {
  return page.evaluate((n) => Number(document.documentElement.dataset[`${n}Ms`] || NaN), name);
}

/** Types text key by key and returns the mean milliseconds per key until the page has drawn. */
export async function typeTimed(page, text) {
  const t0 = Date.now();
  await page.keyboard.type(text);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return (Date.now() - t0) / text.length;
}

export { assert };

/** Waits until the keyboard focus is in the text field with this id. */
export async function waitFocus(page, id) {
  await page.waitForFunction((i) => document.activeElement?.id === i, id);
}

/**
 * "Tải về .docx" as an official clicks it: the check before sending opens
 * when something is listed, and "Vẫn tải về" goes on. Returns { name, text,
 * bytes } of the file and whether the list was shown.
 */
export async function downloadDocx(page) {
  let listed = false;
  const file = await download(page, async () => {
    await page.getByTestId('download-docx').click();
    const dialog = page.getByTestId('presend');
    const shown = await dialog.waitFor({ timeout: 3000 }).then(() => true, () => false);
    if (shown) {
      listed = true;
      await dialog.getByTestId('presend-download').click();
    }
  });
  return { ...file, listed };
}

/** The id, class and text (first 60 characters) of the focused element. */
export async function focused(page) {
  return page.evaluate(() => {
    const a = document.activeElement;
    return { id: a?.id || '', tag: a?.tagName || '', cls: a?.className || '', text: (a?.textContent || '').slice(0, 60), testid: a?.dataset?.testid || '' };
  });
}

/** The selected text and the id of the field it is in. */
export async function selection(page) {
  return page.evaluate(() => {
    const a = document.activeElement;
    if (a && (a.tagName === 'INPUT' || a.tagName === 'TEXTAREA')) {
      return { id: a.id, text: a.value.slice(a.selectionStart, a.selectionEnd) };
    }
    return { id: a?.id, text: String(getSelection()) };
  });
}
