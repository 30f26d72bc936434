// The .docx is always of the draft on screen. After each autosave the page
// sends the draft to the document worker, which reads it while nobody waits;
// the click still sends the draft as it is then, and the worker takes what it
// read ahead only when the two are the very same text. Here: the draft read
// ahead serves a click after a pause; a click right after typing (no autosave
// yet, nothing read ahead) gets the new words; and a click right after
// deleting words the worker has already read ahead does not bring them back.
import { test, before, after } from 'node:test';
import { serveDist, launch, openApp, readDocx, foreignRequests } from './harness.mjs';
import { assert, newFromTemplate, paragraphUnder, waitSaved, downloadDocx } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The text of word/document.xml's runs, joined. */
function bodyText(file) {
  const xml = readDocx(file.bytes)['word/document.xml'];
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

test('the .docx has what is on screen, whether or not the worker read the draft ahead', async () => {
  // Notes, for each .docx answer of the worker, whether it took the draft
  // it had read after the autosave.
  await browser.context.addInitScript(() => {
    window.docxKept = [];
    // The worker starts once the page is idle; it says "ready" when it listens.
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(...args) {
        super(...args);
        this.addEventListener('message', (e) => { if (e.data === 'ready') window.workerReady = true; });
      }
    };
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function postMessage(message, ...rest) {
      if (message && message.kind === 'docx' && !this.keptListener) {
        this.keptListener = true;
        this.addEventListener('message', (e) => {
          if (e.data && e.data.writeMs !== undefined) window.docxKept.push(e.data.kept);
        });
      }
      return post.call(this, message, ...rest);
    };
  });
  const page = await openApp(browser.context, server.url);
  await newFromTemplate(page);
  await page.waitForFunction(() => window.workerReady === true, null, { timeout: 15000 });
  const para = paragraphUnder(page, 'Kinh tế, hạ tầng và đô thị');
  const kept = () => page.evaluate(() => window.docxKept.slice());

  // Typed, saved, a pause: the worker has read this draft already.
  await para.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Thu ngân sách đạt 1.234 triệu đồng.');
  await waitSaved(page);
  await page.waitForTimeout(1500);
  let file = await downloadDocx(page);
  assert.match(bodyText(file), /Thu ngân sách đạt 1\.234 triệu đồng\./);
  assert.deepEqual(await kept(), [true], 'the draft read after the autosave served');

  // While the page is never idle (here: its idle callbacks held back), the
  // worker gets no draft ahead and reads the one the click sends.
  const holdIdle = (hold) => page.evaluate((h) => {
    window.realIdle ??= window.requestIdleCallback;
    window.requestIdleCallback = h ? () => 0 : window.realIdle;
  }, hold);

  // Typed and clicked at once: the worker reads the click's draft.
  await holdIdle(true);
  await para.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Chi ngân sách 567 triệu đồng.');
  file = await downloadDocx(page);
  assert.match(bodyText(file), /Thu ngân sách đạt 1\.234 triệu đồng\. Chi ngân sách 567 triệu đồng\./);
  assert.deepEqual(await kept(), [true, false]);

  // Words the worker has read ahead, deleted, then clicked at once: not in the file.
  await holdIdle(false);
  await para.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Câu tạm xoá.');
  await page.waitForTimeout(1500);
  await holdIdle(true);
  for (let i = 0; i < ' Câu tạm xoá.'.length; i++) await page.keyboard.press('Backspace');
  file = await downloadDocx(page);
  const text = bodyText(file);
  assert.doesNotMatch(text, /Câu tạm/);
  assert.match(text, /Chi ngân sách 567 triệu đồng\./);
  assert.deepEqual(await kept(), [true, false, false]);

  // The same draft again, nothing changed: what was read for the last click serves.
  await holdIdle(false);
  file = await downloadDocx(page);
  assert.equal(bodyText(file), text);
  assert.deepEqual(await kept(), [true, false, false, true]);

  assert.deepEqual(foreignRequests(browser.requests, server.url), []);
  assert.deepEqual(browser.consoleErrors, []);
});
