// baocao's service worker: keeps a copy of the page's own files so the page
// also opens without network (an office PC that lost its connection, a
// reload while offline). Network first, so an updated page is used as soon
// as the server is reachable; the copy only answers when it is not. It never
// fetches anything but the page's own files.
const CACHE = 'baocao-page';

// The files of the current build: index.html and what it links to (hashed
// names, so a new build brings new entries and the old ones are dropped).
async function currentFiles() {
  const response = await fetch('./', { cache: 'no-store' });
  const html = await response.clone().text();
  // The document worker (the .docx writer and reader) is started by the
  // page's wasm, not linked from index.html; its files keep their names.
  const files = new Set(['./', './baocao-worker_loader.js', './baocao-worker.js', './baocao-worker_bg.wasm',
    './icon-192.png', './icon-512.png']);
  for (const m of html.matchAll(/(?:href|src|module_or_path:)\s*=?\s*["']\.\/([^"']+)["']/g)) {
    files.add('./' + m[1]);
  }
  return { response, files: [...files] };
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const { response, files } = await currentFiles();
    await cache.put('./', response);
    await cache.addAll(files.filter((f) => f !== './'));
    // Drop the files of older builds.
    const wanted = new Set(files.map((f) => new URL(f, self.registration.scope).href));
    for (const request of await cache.keys()) {
      if (!wanted.has(request.url)) await cache.delete(request);
    }
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(request);
      if (response.ok) await cache.put(request.mode === 'navigate' ? './' : request, response.clone());
      return response;
    } catch (offline) {
      const copy = await cache.match(request.mode === 'navigate' ? './' : request, { ignoreSearch: true });
      if (copy) return copy;
      throw offline;
    }
  })());
});
