// The served page can be installed as an app (Chromium/Edge "Cài đặt ứng
// dụng"): its manifest and service worker satisfy the browser, and its
// Content-Security-Policy runs no inline script but the wasm loader it
// names by hash.
import { test, before, after } from 'node:test';
import { serveDist, launch, openApp } from './harness.mjs';
import { assert } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the page is installable and its scripts run without unsafe-inline', async () => {
  const page = await openApp(browser.context, server.url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  const cdp = await browser.context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  const manifest = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifest.errors, []);
  assert.match(manifest.data, /"short_name": "baocao"/);

  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const scriptSrc = policy.match(/script-src[^;]*/)[0];
  assert.ok(!scriptSrc.includes("'unsafe-inline'"), scriptSrc);
  assert.match(scriptSrc, /'sha256-[A-Za-z0-9+/=]+'/);
  // The page ran (it is open above): no script was refused.
  assert.deepEqual(browser.consoleErrors, []);
});
