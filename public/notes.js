// What `boot.js` says now and then, fetched only when there is something to say.
//
// A new release reaches a person on their next visit, whole: each page names its own release's
// files, and the service worker serves a kept file only by its exact (hashed) name. When this
// client's program is not the one this browser ran last time, `boot.js` has it said, quietly:
// a status note at the foot of the window that goes by itself (or with its button).
export function updated() {
  note(
    ["Update", "版本更新"],
    ["GridCare has been updated to a new version.", "网上营业厅已更新到新版本。"],
  );
}

// "Offline: this shows what was saved at …", at the top of the page while what it shows is
// what this browser kept (`sw.js`, `saved` in unix seconds); `null` takes it away.
export function offline(saved) {
  let note = document.getElementById("offline-note");
  if (!saved) {
    note?.remove();
    return;
  }
  if (!note) {
    note = document.createElement("p");
    note.id = "offline-note";
    note.className = "notice offline-note";
    note.setAttribute("role", "status");
    document.getElementById("main")?.prepend(note);
  }
  const at = time(saved);
  // Written once the status region is in the page, so that it is announced.
  setTimeout(() => {
    note.textContent = zh()
      ? `离线：这里显示的是 ${at} 保存的内容，恢复网络后才能更新。`
      : `Offline: this shows what was saved at ${at}. It cannot refresh until the network is back.`;
  }, 50);
}

const zh = () => document.documentElement.lang.startsWith("zh");

// The utility's local time (UTC+8) as the app writes it ("5 December 2026, 10:42").
function time(unix) {
  const t = new Date((unix + 8 * 3600) * 1000);
  const hm = [t.getUTCHours(), t.getUTCMinutes()].map((n) => String(n).padStart(2, "0")).join(":");
  if (zh()) {
    return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${hm}`;
  }
  const month = t.toLocaleString("en-GB", { month: "long", timeZone: "UTC" });
  return `${t.getUTCDate()} ${month} ${t.getUTCFullYear()}, ${hm}`;
}

// A quiet note at the foot of the window, in the page's language ([English, Chinese] pairs):
// announced, closed with its button or after a while; a link when there is somewhere to go.
function note(label, words, link) {
  const i = zh() ? 1 : 0;
  const aside = document.createElement("aside");
  aside.className = "update-note";
  aside.setAttribute("aria-label", label[i]);
  const text = document.createElement("p");
  text.setAttribute("role", "status");
  aside.append(text);
  // Written once the status region is in the page, so that it is announced.
  setTimeout(() => {
    text.textContent = words[i];
  }, 50);
  if (link) {
    const a = document.createElement("a");
    a.href = link.href;
    a.textContent = link.words[i];
    aside.append(a);
  }
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = i ? "关闭" : "Close";
  close.addEventListener("click", () => aside.remove());
  aside.append(close);
  document.body.append(aside);
  setTimeout(() => aside.remove(), link ? 30000 : 12000);
}

// Fault reports written with no network wait in this browser (`ui::offline`). Once the server
// answers again (now, when the browser says it is back online, or on a later try), each is
// sent as it was written, with its idempotency key, so sending one twice files it once; only
// the person who wrote it sends it. Each one sent is said, with a link to it.
let sending = false;
const outbox = globalThis.gridcareOutbox;

export async function sendKept() {
  try {
    if (sending || !outbox.waiting().length) {
      return;
    }
  } catch {
    return;
  }
  sending = true;
  try {
    const me = await ask("/api/auth/current_user", "{}");
    for (const item of outbox.waiting()) {
      if (!me.ok || !me.value || me.value.email !== item.email) {
        continue;
      }
      const sent = await ask(item.path, item.body);
      // A refusal other than "the server is not answering", "sign in again" or "too many,
      // wait" will not change by trying again.
      const final = sent.ok || (sent.status < 500 && ![401, 403, 408, 429].includes(sent.status));
      if (final) {
        outbox.store(outbox.waiting().filter((w) => w.body !== item.body));
      }
      if (sent.ok) {
        note(
          ["Report sent", "报修已发送"],
          [
            "Your fault report written offline has been sent.",
            "您离线填写的故障报修已发送。",
          ],
          { href: `/repairs/${sent.value.id}`, words: ["Open the report", "查看报修"] },
        );
      } else if (final) {
        note(
          ["Report not sent", "报修未发送"],
          [
            "Your fault report written offline was refused. Please report it again.",
            "您离线填写的故障报修未被受理，请重新报修。",
          ],
        );
      }
    }
  } catch {
    // No network yet: tried again below.
  } finally {
    sending = false;
  }
  if (outbox.waiting().length) {
    setTimeout(sendKept, 30000);
  }
}

// POSTs `body` to a server function; its status and its answer read as JSON. A network
// failure throws.
async function ask(path, body) {
  const answer = await fetch(path, {
    method: "POST",
    // Past the service worker's kept answers (`sw.js`): only the server's own will do.
    headers: {
      "content-type": "application/json",
      accept: "application/json",
      "x-gridcare-live": "1",
    },
    body,
  });
  let value = null;
  try {
    value = await answer.json();
  } catch {
    value = null;
  }
  return { ok: answer.ok, status: answer.status, value };
}
