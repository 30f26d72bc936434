// The budget of what the page fetches before it is ready (html, js, wasm,
// css, icon), gzipped at level 9. A size, never a timing: the release build
// gives the same bytes on every machine. `make bench` prints the figures.
import { test, before, after } from 'node:test';
import { serveDist, launch } from './harness.mjs';
import { assert } from './helpers.mjs';
import { bytesBeforeReady } from '../bench/load.mjs';

// Reached with the .docx writer and reader in the document worker: 444 KB
// from `make dist` (Leptos's erase_components). The editor of issue 13 (the
// check before sending, the figure walk, table cells, the preview in pages)
// and the templates of issue 11 then added 110 KB, most of it Leptos views
// (reactive_graph and tachys +88 KB before wasm-opt): 554,097 B on
// 2026-11-30. Then (issue 14) one JSON reader and writer of the report on
// the page instead of two, the pasted-HTML reader moved to the worker, one
// shared stable sort, CSS numbers through the browser's toFixed/parseFloat
// (no float parser tables), wasm-opt --low-memory-unused and stored inlines
// read in one pass: 499,336 B on 2026-11-30. Issue 11's moved mentions of the
// period (marks kept in step with every edit, stored with the draft, the list
// beside the editor), the unit profile in backups, and its next period (which
// numbers are quantities, the period's phrasings, lũy kế in tables and
// footnotes) then added 19.8 KB: 519,108 B on 2026-11-30 (page wasm 494,899).
// Then "Tạo báo cáo kỳ sau" made in the worker (the carrying-over code off
// the page): 506,583 B (page wasm 482,374); the text importer there too
// (pasted text of several lines, opened .txt files): 499,705 B (475,494);
// the stylesheet and the JS glue without comments and indentation
// (scripts/slim.py): 497,015 B; blocks and text targets read from one flat
// record each (no serde buffering of tagged enums): 490,159 B; one sort
// instance fewer: 489,277 B on 2026-12-01 (page wasm 1,162,134 B raw,
// 467,758 gzipped; css 6,403; js 9,466). The faster checks (numbers kept
// inline, the Checker's copy of the last report so that an unchanged report
// costs a comparison: report equality and cloning compiled in) and the
// draft sent to the worker after each autosave then added 3.8 KB: 493,090 B
// on 2026-12-01 (page wasm 471,471 gzipped). Sections skipped off screen
// with estimated heights, saves at idle moments: 495,213 B. The autosave
// that waits for a pause in typing and the click that sends the JSON told
// to the worker: 495,957 B on 2026-12-01. Case folded by the layout of the
// Latin blocks (baocao_model::case) instead of std's tables for every
// script: 480,212 B; the checks' last std stable sorts through the shared
// one: 476,041 B; drafts and pastes read from their text only, not also
// through a serde_json::Value: 474,806 B; the figure scanner's capital
// test moved beside the case folding: 474,816 B on 2026-12-01.
// Issue 14 asks for 300 KB, out of reach with Leptos views, the checks and
// the model on the page. `make size-report` (twiggy, on the same build with
// its names kept) shares the page wasm's 1,127,518 B of code and data out
// as: Leptos 23.9%; Rust's core/alloc/std, with the drop glue, closures and
// iterators they instantiate for the page's types, 18.1%; the page's own
// views and state 17.0%; data (mostly the page's Vietnamese text) 9.8%; the
// model 8.3%; the checks 7.3%; serde and serde_json 6.5%. The budget is
// what was reached, rounded up to the next thousand bytes, and is never
// raised, so that growth is noticed.
const BUDGET_GZ = 475_000;

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
