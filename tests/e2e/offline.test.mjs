// Without network: after one visit, a reload still opens the page and its
// drafts, from the copy the service worker keeps of the page's own files.
import { test, before, after } from 'node:test';
import { serveDist, launch, openApp, foreignRequests, readDocx } from './harness.mjs';
import { assert, newFromTemplate, paragraphUnder, waitSaved, download, downloadDocx } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a reload without network opens the page and the drafts from the browser’s copy', async () => {
  const page = await openApp(browser.context, server.url);
  // The service worker has copied the page's files once it is active.
  const copied = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    const cache = await caches.open('baocao-page');
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  for (const ext of ['.wasm', '.js', '.css']) {
    assert.ok(copied.some((p) => p.endsWith(ext)), `the ${ext} file is copied: ${copied}`);
  }
  // The document worker (the .docx writer and reader) too, though index.html does not name it.
  for (const f of ['/baocao-worker_loader.js', '/baocao-worker.js', '/baocao-worker_bg.wasm']) {
    assert.ok(copied.includes(f), `${f} is copied: ${copied}`);
  }

  await newFromTemplate(page);
  await paragraphUnder(page, 'Kinh tế, hạ tầng và đô thị').click();
  await page.keyboard.type('Mất mạng vẫn mở được trang.');
  await waitSaved(page);

  await browser.context.setOffline(true);
  const t0 = Date.now();
  await page.reload();
  await page.getByRole('heading', { name: 'Bản nháp' }).waitFor();
  console.log(`  page reloaded offline in ${Date.now() - t0} ms`);
  await page.getByTestId('draft-item').first().getByRole('button', { name: /Mở bản nháp/ }).click();
  await paragraphUnder(page, 'Kinh tế, hạ tầng và đô thị').waitFor();
  assert.match(await paragraphUnder(page, 'Kinh tế, hạ tầng và đô thị').textContent(), /Mất mạng vẫn mở được trang\./);
  // Still offline, the .docx is built by the worker from the browser's copy.
  const docx = await downloadDocx(page);
  assert.match(docx.name, /\.docx$/);
  assert.match(readDocx(docx.bytes)['word/document.xml'], /Mất mạng vẫn mở được trang\./);
  await browser.context.setOffline(false);

  assert.deepEqual(foreignRequests(browser.requests, server.url), []);
  assert.deepEqual(browser.consoleErrors, []);
});
