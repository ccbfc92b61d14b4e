// GridCare's service worker. It keeps the clients' program files, whose names carry a hash of
// their content (Trunk's `gridcare-3f9c2a1b7d4e5f6_bg.wasm`): a file of one name is always the
// same bytes, so once kept it is served from here ever after, and a page never gets another
// release's file (each page names the files of its own release, fetched when missing). Pages
// and `/api` go to the network as before. Once a page has painted and the browser is idle,
// `boot.js` asks for every client's files (the list at `/precache.json`), so moving from one
// client to another needs no download; files a new release no longer lists are dropped.
const CACHE = "gridcare-programs";

// The rule of `server::http::is_hashed_asset`.
const hashed = (path) =>
  path
    .split("/")
    .pop()
    .split(/[-_.]/)
    .slice(1)
    .some((part) => part.length >= 12 && part.length <= 16 && /^[0-9a-f]+$/i.test(part));

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== location.origin || !hashed(url.pathname)) {
    return;
  }
  event.respondWith(kept(url.origin + url.pathname));
});

async function kept(href) {
  const cache = await caches.open(CACHE);
  const found = await cache.match(href);
  if (found) {
    return found;
  }
  const answer = await fetch(href);
  if (answer.ok) {
    await cache.put(href, answer.clone());
  }
  return answer;
}

self.addEventListener("message", (event) => {
  if (event.data === "precache") {
    event.waitUntil(precache());
  }
});

async function precache() {
  const answer = await fetch("/precache.json", { cache: "no-cache" });
  if (!answer.ok) {
    return;
  }
  const wanted = new Set((await answer.json()).map((path) => new URL(path, location.origin).href));
  const cache = await caches.open(CACHE);
  for (const request of await cache.keys()) {
    if (!wanted.has(request.url)) {
      await cache.delete(request);
    }
  }
  for (const href of wanted) {
    if (!(await cache.match(href))) {
      await kept(href);
    }
  }
}
