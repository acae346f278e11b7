// UsageDesk's service worker: the page's own files, cached under a cache named
// by the build, so the page opens offline after one visit. build-wasm.sh writes
// the version (a hash of the files) and the file list into dist/sw.js; a new
// build is a new sw.js, which the browser installs beside the running one until
// the page's "A new version is ready: reload" is pressed.
//
// It answers nothing but those files: API calls (another origin, or a
// same-origin proxy such as /ap/) and report downloads carry secrets and data,
// so they always go to the network untouched and are never stored.
'use strict';
const kVersion = '__UD_BUILD_VERSION__';
const kFiles = __UD_BUILD_FILES__;  // fetched at install
const kLazyFolder = 'fonts/';       // the fallback fonts: stored when the page first needs one
const kPrefix = 'usagedesk-';
const kCache = kPrefix + kVersion;

// Paths relative to this worker's folder, so the page works from any folder.
const scopeUrl = new URL('./', self.location.href);
const ownPaths = new Set(kFiles.map((f) => new URL(f, scopeUrl).pathname));
const lazyPrefix = new URL(kLazyFolder, scopeUrl).pathname;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(kCache).then((cache) =>
    cache.addAll(kFiles.map((f) => new Request(new URL(f, scopeUrl), { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys())
      if (name.startsWith(kPrefix) && name !== kCache) await caches.delete(name);
    await self.clients.claim();
  })());
});

// The page's "reload": the waiting worker takes over, then the page reloads.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scopeUrl.origin) return;  // an API or a download: untouched
  const path = url.pathname === scopeUrl.pathname ? new URL('index.html', scopeUrl).pathname : url.pathname;
  const lazy = path.startsWith(lazyPrefix) && !path.slice(lazyPrefix.length).includes('/');
  if (!ownPaths.has(path) && !lazy) return;  // not the page's own file: untouched
  const key = new URL(path, scopeUrl).href;
  event.respondWith((async () => {
    const cache = await caches.open(kCache);
    const cached = await cache.match(key, { ignoreSearch: true });
    if (cached) return cached;
    const answer = await fetch(request);
    if (lazy && answer.ok) await cache.put(key, answer.clone());
    return answer;
  })());
});
