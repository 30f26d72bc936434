// Registers the service worker that keeps a copy of the page's files (see
// sw.js). An external file, so the page's Content-Security-Policy needs no
// 'unsafe-inline' script. Not on file:// (no service worker there).
if ('serviceWorker' in navigator && window.isSecureContext) {
  addEventListener('load', () => navigator.serviceWorker.register('./sw.js').catch(() => {}));
}
