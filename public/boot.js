// Starts the wasm client. A file of its own because the Content-Security-Policy allows no inline
// script; Trunk writes the hashed names of the module and the wasm into this tag's data attributes.
const tag = document.querySelector("script[data-wasm]");
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
