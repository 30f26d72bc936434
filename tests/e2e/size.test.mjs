// The budget of what the page fetches before it is ready (html, js, wasm,
// css, icon), gzipped at level 9. A size, never a timing: the release build
// gives the same bytes on every machine. `make bench` prints the figures.
import { test, before, after } from 'node:test';
import { serveDist, launch } from './harness.mjs';
import { assert } from './helpers.mjs';
import { bytesBeforeReady } from '../bench/load.mjs';

// Reached with the .docx writer and reader in the document worker: 464 KB
// from a plain `trunk build --release`, 444 KB from `make dist` (Leptos's
// erase_components). Issue 14 asked for 300 KB; what stands in the way (Leptos
// rendering, the model, the checks, serde_json, the paste readers) is in the
// closing note of issue 14.
const BUDGET_GZ = 465_000;

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the page fetches at most the budget before it is ready, and not the document worker', async () => {
  const { files, total } = await bytesBeforeReady(browser.context, server.url);
  for (const f of files) console.log(`  ${f.file}: ${f.raw} B, ${f.gz} B gzipped`);
  console.log(`  total before ready: ${total.raw} B, ${total.gz} B gzipped (budget ${BUDGET_GZ})`);
  assert.ok(files.some((f) => f.file.endsWith('_bg.wasm')), 'the page wasm is among them');
  assert.ok(!files.some((f) => f.file.startsWith('baocao-worker')), 'the worker waits until needed');
  assert.ok(total.gz <= BUDGET_GZ, `${total.gz} B gzipped is over the budget of ${BUDGET_GZ} B`);
});
