// Starts the wasm client. A file of its own because the Content-Security-Policy allows no inline
// script; Trunk writes the hashed names of the module and the wasm into this tag's data attributes.
const tag = document.querySelector("script[data-wasm]");
// Fault reports written offline, waiting to be sent (`notes.js` sends them). The program
// keeps them, counts them and wipes them through these (`ui::offline`), so it carries no JSON
// code.
const OUTBOX = "gridcare-outbox";
const outbox = (globalThis.gridcareOutbox = {
  // What waits (`notes.js` reads and sends it too).
  waiting: () => JSON.parse(localStorage.getItem(OUTBOX) || "[]"),
  // Keeps `list` as what waits (none: nothing kept).
  store(list) {
    if (list.length) {
      localStorage.setItem(OUTBOX, JSON.stringify(list));
    } else {
      localStorage.removeItem(OUTBOX);
    }
  },
  keep(path, body, email) {
    try {
      outbox.store([...outbox.waiting(), { path, body, email }]);
      setTimeout(() => later((notes) => notes.sendKept()), 30000);
      return true;
    } catch {
      return false;
    }
  },
  // The reports waiting that `email` wrote.
  count(email) {
    try {
      return outbox.waiting().filter((w) => w.email === email).length;
    } catch {
      return 0;
    }
  },
  // Signing in: the pages and reads the service worker kept for whoever was signed in here
  // before go (the waiting reports stay: each is sent only for the person who wrote it).
  fresh() {
    for (const name of ["gridcare-pages", "gridcare-reads"]) {
      globalThis.caches?.delete(name);
    }
  },
  // `email` signing out: their waiting reports too (another person's wait for them).
  forget(email) {
    try {
      outbox.store(outbox.waiting().filter((w) => w.email !== email));
    } catch {
      localStorage.removeItem(OUTBOX);
    }
    outbox.fresh();
  },
});
addEventListener("online", () => {
  if (localStorage.getItem(OUTBOX)) {
    later((notes) => notes.sendKept());
  }
});
// The service worker says when it answered from what this browser kept (no network), and
// when the network answered again: once the app has started, `notes.js` says so on the page.
// A page it kept carries the time in a `<meta>`.
let saved = Number(document.querySelector('meta[name="gridcare-saved-at"]')?.content) || null;
let said = false;
let started = false;
function sayOffline() {
  if (started && (saved || said)) {
    said = !!saved;
    later((notes) => notes.offline(saved));
  }
}
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.addEventListener("message", (event) => {
    if (event.data && "saved" in event.data) {
      saved = event.data.saved;
      sayOffline();
    }
  });
  navigator.serviceWorker.startMessages();
}
// The phone header's "Menu" button (`ui::components::header`) opens the menu below it. A
// link, button or choice in the menu closes it again, as do going back and Escape; after a
// button (the language, care mode) or Escape the focus is back on "Menu".
const menuButton = () => document.getElementById("menu-button");
const menuOpen = () => menuButton()?.getAttribute("aria-expanded") === "true";
function menu(open, focus) {
  const button = menuButton();
  if (button) {
    button.setAttribute("aria-expanded", open);
    button.closest("header")?.classList.toggle("menu-open", open);
    if (focus) {
      button.focus();
    }
  }
}
document.addEventListener("click", (event) => {
  if (event.target.closest?.("#menu-button")) {
    menu(!menuOpen());
  } else if (menuOpen() && event.target.closest?.("#site-menu a")) {
    menu(false);
  } else if (menuOpen() && event.target.closest?.("#site-menu button")) {
    // The language or care mode switched: the page shows it, the focus back on "Menu".
    menu(false, true);
  }
});
document.addEventListener("change", (event) => {
  if (menuOpen() && event.target.closest?.("#site-menu")) {
    menu(false);
  }
});
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && menuOpen()) {
    menu(false, true);
  }
});
addEventListener("popstate", () => menu(false));
// The phone's share sheet (Web Share), where the browser has one: the buttons that carry
// what to share (`ui::components::share`) are shown only then, and send it there.
if (navigator.share) {
  document.documentElement.dataset.share = "";
  document.addEventListener("click", (event) => {
    const button = event.target.closest?.("[data-share-url]");
    if (button) {
      const { shareTitle: title, shareText: text, shareUrl } = button.dataset;
      // Closing the sheet without sharing rejects: nothing to tell.
      navigator.share({ title, text, url: new URL(shareUrl, location.href).href }).catch(() => {});
    }
  });
}
// A form sent before the program runs would go to the server as a plain post, which a page
// does not take: hold it, and send it from the app's own form once the app has started (what
// was typed is carried over).
let heldForm = -1;
const holdSubmit = (event) => {
  if (document.querySelector("#app[data-rendered]")) {
    event.preventDefault();
    heldForm = [...document.querySelectorAll("#app form")].indexOf(event.target);
  }
};
document.addEventListener("submit", holdSubmit, true);
// A first view the server rendered (`server::pages`) is painted before the program is even
// fetched: it needs no program to be read, and the download does not compete with the styles.
// Waiting for `load` as well lets the browser count that painted view as the page's largest
// paint before the app replaces it.
if (document.querySelector("#app[data-rendered]")) {
  if (document.readyState !== "complete") {
    await new Promise((loaded) => addEventListener("load", loaded, { once: true }));
  }
  await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
}
const { default: init } = await import(tag.dataset.js);
try {
  await init({ module_or_path: tag.dataset.wasm });
  // The program renders the app in a task of its own (`ui::mount`); this one comes after it.
  await new Promise((mounted) => setTimeout(mounted, 0));
  const app = document.getElementById("app");
  if (app && !app.hasAttribute("data-started")) {
    throw new Error("the app did not render");
  }
  document.removeEventListener("submit", holdSubmit, true);
  if (heldForm >= 0) {
    document.querySelectorAll("#app form")[heldForm]?.requestSubmit();
  }
  started = true;
  sayOffline();
  laterNotes();
  keepPrograms();
} catch (error) {
  const main = document.getElementById("main");
  if (main) {
    main.innerHTML =
      '<p class="error" role="alert">GridCare could not start. Reload the page. ' +
      '<span lang="zh-CN">无法启动，请刷新页面。</span></p>';
  }
  throw error;
}

// Once the page has painted and the browser is idle, the service worker (`sw.js`) keeps every
// client's program files, so the next visit, and the next client, start without a download.
// The portal works the same without it.
function keepPrograms() {
  if (!("serviceWorker" in navigator)) {
    return;
  }
  const idle = window.requestIdleCallback || ((then) => setTimeout(then, 1));
  setTimeout(() => idle(async () => {
    try {
      await navigator.serviceWorker.register("/sw.js");
      const ready = await navigator.serviceWorker.ready;
      ready.active?.postMessage("precache");
    } catch (error) {
      console.warn("the program files are not kept for offline use", error);
    }
  }), 3000);
}

// What is said only now and then (a new release, a report sent) is in `notes.js`, fetched
// only then: the first load carries none of it. `cargo xtask dist` gives it a hashed name of
// its bytes, written here, so a release's loader always fetches its own.
function later(then) {
  import(new URL("notes.js", import.meta.url).href).then(then, (error) =>
    console.warn("notes.js did not load", error),
  );
}

// When this client's program is not the one this browser ran last time, a new release came:
// say so. Reports written offline are sent now that the app has started.
function laterNotes() {
  let updated = false;
  try {
    const key = "gridcare-program:" + tag.dataset.wasm.replace(/[^/]*$/, "");
    const before = localStorage.getItem(key);
    localStorage.setItem(key, tag.dataset.wasm);
    updated = !!before && before !== tag.dataset.wasm;
  } catch {
    return;
  }
  const queued = !!localStorage.getItem(OUTBOX);
  if (updated || queued) {
    later((notes) => {
      if (updated) {
        notes.updated();
      }
      if (queued) {
        notes.sendKept();
      }
    });
  }
}
