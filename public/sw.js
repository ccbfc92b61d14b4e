// GridCare's service worker. It keeps the clients' program files, whose names carry a hash of
// their content (Trunk's `gridcare-3f9c2a1b7d4e5f6_bg.wasm`): a file of one name is always the
// same bytes, so once kept it is served from here ever after, and a page never gets another
// release's file (each page names the files of its own release, fetched when missing). Once a
// page has painted and the browser is idle, `boot.js` asks for every client's files (the list
// at `/precache.json`), so moving from one client to another needs no download; files a new
// release no longer lists are dropped.
//
// Offline: pages and the customer's reads (bills, balance, tickets, cases, outage notices) go
// to the network first, and the last answer of each is kept in this browser profile; with no
// network, the kept one is served, and the page is told when it was kept (unix seconds), so it
// says "Offline: … saved at …" (`notes.js`); a fresh answer takes the note away. A kept page
// carries the time in a `<meta>`. Signing in and out wipe them (`boot.js` deletes both caches).
const CACHE = "gridcare-programs";
const PAGES = "gridcare-pages";
const READS = "gridcare-reads";
const SAVED_AT = "x-gridcare-saved-at";
const LIVE = "x-gridcare-live";
// Asked on a timer, not by what the page shows: kept, but never the reason for the note.
const QUIET = "/api/notifications/unread";

// The reads a customer may want on a phone with no network. Changes are never kept: they
// need the server (a fault report written offline waits in the page, see `boot.js`).
const KEPT_READS = new Set([
  "auth/current_user",
  "accounts/list",
  "bills/overview",
  "bills/list",
  "bills/detail",
  "usage/overview",
  "pay/options",
  "repairs/mine",
  "repairs/detail",
  "repairs/outage_at",
  "outages/list",
  "connections/mine",
  "connections/detail",
  "feedback/mine",
  "feedback/detail",
  "notifications/unread",
  "notifications/list",
  "org/mine",
  "org/dashboard",
  "org/sites",
  "org/site",
]);

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
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== location.origin) {
    return;
  }
  if (request.method === "GET" && hashed(url.pathname)) {
    event.respondWith(kept(url.origin + url.pathname));
  } else if (
    request.mode === "navigate" &&
    request.method === "GET" &&
    !url.pathname.startsWith("/api/")
  ) {
    // (A download under /api/ — a document, a CSV, a Green Button file — is never kept.)
    event.respondWith(page(request, event));
  } else if (
    request.method === "POST" &&
    KEPT_READS.has(url.pathname.replace(/^\/api\//, "")) &&
    // `notes.js` asks the server itself (who is signed in, before sending a report).
    !request.headers.has(LIVE)
  ) {
    event.respondWith(read(request, event));
  }
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

// A page: from the network, keeping a copy (of a page, not of anything else a link opens);
// with no network, the copy, which tells the app when it was kept (a `<meta>` the app reads
// as it starts). The answer goes to the browser at once; the copy is written meanwhile.
async function page(request, event) {
  try {
    const answer = await fetch(request);
    const html = (answer.headers.get("content-type") || "").startsWith("text/html");
    if (answer.ok && html && answer.type === "basic" && !answer.redirected) {
      const copy = answer.clone();
      event.waitUntil(
        (async () => {
          const marked = (await copy.text()).replace(
            "<head>",
            `<head><meta name="gridcare-saved-at" content="${Math.floor(Date.now() / 1000)}">`,
          );
          const cache = await caches.open(PAGES);
          await cache.put(request.url, new Response(marked, { headers: copy.headers }));
        })(),
      );
    }
    return answer;
  } catch (offline) {
    const cache = await caches.open(PAGES);
    const found = await cache.match(request.url, { ignoreVary: true, ignoreSearch: false });
    if (found) {
      return found;
    }
    throw offline;
  }
}

// A read: from the network, keeping the answer under its question; with no network, the kept
// answer. Either way the page that asked is told which (`saved`: when it was kept, or null).
async function read(request, event) {
  const clientId = new URL(request.url).pathname === QUIET ? null : event.clientId;
  const question = await request.clone().text();
  const key = `${request.url}?question=${encodeURIComponent(question)}`;
  const cache = await caches.open(READS);
  try {
    const answer = await fetch(request);
    if (answer.ok) {
      const headers = new Headers(answer.headers);
      headers.set(SAVED_AT, String(Math.floor(Date.now() / 1000)));
      await cache.put(key, new Response(await answer.clone().blob(), { headers }));
    }
    tell(clientId, null);
    return answer;
  } catch (offline) {
    const found = await cache.match(key, { ignoreVary: true });
    if (found) {
      tell(clientId, Number(found.headers.get(SAVED_AT)));
      return found;
    }
    throw offline;
  }
}

async function tell(clientId, saved) {
  const client = clientId && (await self.clients.get(clientId));
  client?.postMessage({ saved });
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
