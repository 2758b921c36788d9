// Keeps ulo working with the network off after the first visit: every file of the app comes from
// this origin, and a copy of each is kept in the browser's cache. Network first (so an update is
// seen at once when online), the cached copy when offline. Nothing is ever fetched from elsewhere.
const CACHE = 'ulo-app';
const FILES = ['./', 'index.html', 'bidder.html', 'boot.js', 'app.css', 'ulo-web.js', 'ulo-web_bg.wasm'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: true }).then((hit) => hit || Response.error())),
  );
});
