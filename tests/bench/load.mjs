// What the page fetches before it is ready: every file the page requests
// from a fresh profile until the draft list shows, with its size as served
// (raw) and gzipped by `gzip -9` (about what a static server with
// compression sends). Shared by `make bench` and the size budget story.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { dist } from '../e2e/harness.mjs';

/** Sizes of one file of dist/ (by URL path). */
export function fileSizes(urlPath) {
  let rel = decodeURIComponent(urlPath).replace(/^\/+/, '');
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  const file = path.join(dist, rel);
  // `gzip -9`, the figure issue 14 gives, so before and after compare.
  const gz = execFileSync('gzip', ['-9c', file], { maxBuffer: 1 << 28 }).length;
  return { file: rel, raw: fs.statSync(file).size, gz };
}

/**
 * Opens `url` in a new page of `context` and returns the files requested
 * before the page is ready (the draft list heading shows), with sizes.
 */
export async function bytesBeforeReady(context, url) {
  const page = await context.newPage();
  const seen = new Set();
  let ready = false;
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!ready && u.origin === new URL(url).origin) seen.add(u.pathname);
  });
  await page.goto(url);
  await page.getByRole('heading', { name: 'Bản nháp' }).waitFor();
  ready = true;
  const files = [...seen].map(fileSizes);
  const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, gz: t.gz + f.gz }), { raw: 0, gz: 0 });
  return { page, files, total };
}

/** The sizes of the document worker's files (fetched when first needed). */
export function workerSizes() {
  return ['baocao-worker_loader.js', 'baocao-worker.js', 'baocao-worker_bg.wasm']
    .filter((f) => fs.existsSync(path.join(dist, f)))
    .map((f) => fileSizes('/' + f));
}
