// Shared set-up of the end-to-end tests: the built page (dist/) served on a
// free local port, and Debian's Chromium driven by playwright-core with a
// fresh profile, recording every request and every console error.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { unzipSync, strFromU8 } from 'fflate';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const dist = path.join(root, 'dist');
export const seedsDir = path.join(root, 'tests', 'seeds');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/** Serves dist/ on 127.0.0.1 at a free port; resolves to { url, close }. */
export async function serveDist() {
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    throw new Error('dist/ is not built: run `make dist` first');
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = path.normalize(path.join(dist, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dist)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404).end('not found'); return; }
      res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
      res.end(data);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

/** Launches headless Chromium with a fresh profile. */
export async function launch() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1400, height: 900 },
    locale: 'vi-VN',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-default-apps', '--disable-features=Translate,OptimizationHints,MediaRouter'],
  });
  const requests = [];
  const consoleErrors = [];
  context.on('request', (r) => requests.push(r.url()));
  const watch = (page) => {
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
  };
  context.on('page', watch);
  context.pages().forEach(watch);
  return {
    context,
    requests,
    consoleErrors,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens the page and waits until the app has mounted. */
export async function openApp(context, url) {
  const page = context.pages()[0] || (await context.newPage());
  await page.goto(url);
  await page.getByRole('heading', { name: 'Bản nháp' }).waitFor();
  return page;
}

/**
 * A browser of its own whose document worker cannot load (its files refused,
 * as from an old copy of the page), with a new draft open and the keyboard
 * in its first paragraph. Resolves to { browser, page, field }; the caller
 * closes `browser`.
 */
export async function newDraftWithoutWorker(url) {
  const browser = await launch();
  try {
    await browser.context.route('**/baocao-worker*', (route) => route.abort());
    const page = await openApp(browser.context, url);
    await page.getByTestId('new-draft').click();
    const field = page.locator('.doc-editor .block.para .rich').first();
    await field.click();
    return { browser, page, field };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

/** Requests that went anywhere but the page's own origin. */
export function foreignRequests(requests, url) {
  const origin = new URL(url).origin;
  return requests.filter((r) => !r.startsWith(origin) && !r.startsWith('blob:') && !r.startsWith('data:'));
}

/** The parts of a .docx, as strings, by name. */
export function readDocx(bytes) {
  const files = unzipSync(new Uint8Array(bytes));
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}

/** Saves a screenshot under target/screenshots/ for a person to look at. */
export async function screenshot(page, name) {
  const dir = path.join(root, 'target', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: false });
}

/** Screenshots of the window at 1366 px and at 200% zoom (683 CSS px, twice
 *  the pixels), under target/screenshots/<dir>/, scrolled so that the first
 *  element matching `show` (if given) stands under the toolbar. */
export async function screenshotsAtTwoZooms(page, dir, name, show) {
  const shots = path.join(root, 'target', 'screenshots', dir);
  fs.mkdirSync(shots, { recursive: true });
  const cdp = await page.context().newCDPSession(page);
  const capture = async (width, height, scale, file) => {
    await cdp.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: scale, mobile: false });
    await page.waitForTimeout(200);
    if (show) {
      await page.locator(show).first().evaluate((el) => {
        el.scrollIntoView({ block: 'start' });
        window.scrollBy(0, -(document.querySelector('.toolbar')?.offsetHeight || 0) - 8);
      });
    }
    await page.waitForTimeout(300);
    const { data } = await cdp.send('Page.captureScreenshot', { format: 'png' });
    fs.writeFileSync(path.join(shots, file), Buffer.from(data, 'base64'));
  };
  await capture(1366, 768, 1, `${name}-1366.png`);
  await capture(683, 384, 2, `${name}-zoom200.png`);
  await cdp.send('Emulation.clearDeviceMetricsOverride');
  await cdp.detach();
  await page.waitForTimeout(200);
}
