// vmvc playground page: plain JS, no build step, nothing loaded from elsewhere.
// Every piece of text from the bot or the person is put into the DOM with textContent
// (never innerHTML), so HTML in a question or an answer shows as text.

(() => {
  const transcript = document.getElementById("transcript");
  const form = document.getElementById("composer");
  const input = document.getElementById("input");
  const status = document.getElementById("status");
  const composer = document.querySelector(".composer");

  // The input bar's height, for scroll-padding: scrolled-to content always clears it.
  const composerHeight = () => composer.getBoundingClientRect().height;
  const trackComposer = () =>
    document.documentElement.style.setProperty("--composer-h", `${Math.ceil(composerHeight())}px`);
  new ResizeObserver(trackComposer).observe(composer);
  trackComposer();

  // One conversation per browser tab: the id lives in sessionStorage and survives reloads.
  const session = (() => {
    const existing = sessionStorage.getItem("vmvc.session");
    if (existing && /^[A-Za-z0-9_-]{8,64}$/.test(existing)) return existing;
    const bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    const id = `s${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
    sessionStorage.setItem("vmvc.session", id);
    return id;
  })();

  // ---- tiny safe markdown: **bold**, _italic_, `code`, "- " lists, \x escapes, <@id|name> ----

  const INLINE =
    /\\([\s\S])|<@([^|>\s]+)\|([^>\s]*)>|\*\*(.+?)\*\*(?!\*)|`([^`]+)`|(?<![\p{L}\p{N}_\\])_(.+?)_(?![\p{L}\p{N}_])/gu;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** Appends `text` to `parent` as text nodes and <strong>/<em>/<code> elements. */
  function inline(parent, text) {
    let last = 0;
    for (const m of text.matchAll(INLINE)) {
      if (m.index > last) parent.append(document.createTextNode(text.slice(last, m.index)));
      if (m[1] !== undefined) parent.append(document.createTextNode(m[1]));
      else if (m[2] !== undefined) parent.append(el("strong", "mention", `@${decodeURIComponent(m[3])}`));
      else if (m[4] !== undefined) inline(parent.appendChild(el("strong")), m[4]);
      else if (m[5] !== undefined) parent.append(el("code", "", m[5]));
      else inline(parent.appendChild(el("em")), m[6]);
      last = m.index + m[0].length;
    }
    if (last < text.length) parent.append(document.createTextNode(text.slice(last)));
    return parent;
  }

  /** A block of markdown: paragraphs (blank-line separated, single newlines kept) and lists. */
  function block(text) {
    const box = el("div", "md");
    let list = null;
    let para = null;
    for (const line of text.split("\n")) {
      if (/^\s*- /.test(line)) {
        para = null;
        if (!list) list = box.appendChild(el("ul"));
        inline(list.appendChild(el("li")), line.replace(/^\s*- /, ""));
      } else if (line.trim() === "") {
        list = null;
        para = null;
      } else {
        list = null;
        if (para) para.append(el("br"));
        else para = box.appendChild(el("p"));
        inline(para, line);
      }
    }
    return box;
  }

  // ---- parts ----

  function renderPart(part, message) {
    switch (part.type) {
      case "heading":
        return inline(el("h3", "heading"), part.text);
      case "subtitle":
        return el("p", "subtitle", part.text);
      case "text":
        return block(part.text);
      case "context":
        return inline(el("p", "context"), part.text);
      case "fields": {
        const dl = el("dl", "fields");
        for (const f of part.fields) {
          inline(dl.appendChild(el("dt")), f.label);
          dl.appendChild(el("dd")).append(block(f.value));
        }
        return dl;
      }
      case "bars": {
        const box = el("div", "bars");
        for (const b of part.bars) {
          // A ruled-out option keeps its score but draws no bar: it may have scored above the pick.
          const pct = b.max > 0 && !b.ruledOut ? Math.max(0, Math.min(100, (b.score / b.max) * 100)) : 0;
          const row = box.appendChild(el("div", b.highlight ? "bar top" : b.ruledOut ? "bar out" : "bar"));
          row.setAttribute("role", "img");
          row.setAttribute(
            "aria-label",
            b.ruledOut
              ? `${b.label}: scored ${b.score}`
              : `${b.label}: ${b.score} of ${b.max}${b.highlight ? " (recommended)" : ""}`,
          );
          row.append(el("span", "bar-label", b.label));
          const track = row.appendChild(el("span", "bar-track"));
          const fill = track.appendChild(el("span", "bar-fill"));
          fill.style.width = `${pct.toFixed(1)}%`;
          row.append(el("span", "bar-score", String(b.score)));
        }
        return box;
      }
      case "sources": {
        const p = el("p", "sources");
        p.append(el("span", "sources-label", "Sources: "));
        const shown = part.limit ? part.sources.slice(0, part.limit) : part.sources;
        shown.forEach((s, i) => {
          if (i > 0) p.append(document.createTextNode("; "));
          const cite = p.appendChild(el("span", "source"));
          cite.title = s.doc;
          cite.append(document.createTextNode(s.label));
        });
        const hidden = part.sources.length - shown.length;
        if (hidden > 0 && part.more)
          p.append(document.createTextNode(`; ${part.more.replace("{count}", String(hidden))}`));
        return p;
      }
      case "buttons": {
        const box = el("div", `buttons role-${part.role}`);
        if (part.label) box.append(el("p", "buttons-label", part.label));
        const row = box.appendChild(el("div", "button-row"));
        for (const b of part.buttons) {
          const button = row.appendChild(el("button", `btn${b.style ? ` btn-${b.style}` : ""}`, b.label));
          button.type = "button";
          button.addEventListener("click", () => press(b, message, button, part.role));
        }
        return box;
      }
      case "table": {
        const table = el("table", "grid");
        const head = table.appendChild(el("thead")).appendChild(el("tr"));
        for (const c of part.columns) head.append(el("th", "", c));
        const rows = table.appendChild(el("tbody"));
        for (const r of part.rows) {
          const tr = rows.appendChild(el("tr"));
          r.forEach((c, i) => {
            const cell = tr.appendChild(el(i === 0 ? "th" : "td"));
            if (i === 0) cell.scope = "row";
            else cell.dataset.label = part.columns[i] ?? "";
            inline(cell, c);
          });
        }
        const box = el("div", "grid-wrap");
        box.append(table);
        return box;
      }
      case "picker":
        return renderPart(
          { type: "buttons", role: "menu", label: part.label, buttons: part.options },
          message,
        );
      case "divider":
        return el("hr", "divider");
      default:
        return el("p", "context", "(this part cannot be shown here)");
    }
  }

  // ---- messages and threads ----

  function renderMessage(message) {
    const node = el(
      "article",
      `msg from-${message.from} kind-${message.kind}${message.visibility === "private" ? " private" : ""}`,
    );
    node.dataset.id = message.id;
    node.setAttribute("aria-label", message.from === "you" ? "You said" : "vmvc replied");
    if (message.from === "you") {
      node.append(el("p", "said", message.parts.map((p) => p.text || "").join("\n")));
      return node;
    }
    node.append(el("div", "avatar", "vc"));
    const body = node.appendChild(el("div", "body"));
    for (const part of message.parts) body.append(renderPart(part, message));
    if (message.visibility === "private") body.append(el("p", "only-you", "Only visible to you"));
    return node;
  }

  /** The block under a root message that holds its thread (created on first use), with its own reply box. */
  function threadBox(rootId) {
    let box = transcript.querySelector(`.thread[data-thread="${CSS.escape(rootId)}"]`);
    if (box) return box;
    box = el("section", "thread");
    box.dataset.thread = rootId;
    box.setAttribute("aria-label", "Thread");
    box.append(threadReply(rootId));
    const root = transcript.querySelector(`.msg[data-id="${CSS.escape(rootId)}"]`);
    if (root) root.after(box);
    else transcript.append(box);
    return box;
  }

  /**
   * "Reply in thread": typed answers and questions in a walkthrough's thread, as Slack and Teams
   * allow ("we have a small platform team", "hard", "what does stateful mean here?").
   */
  function threadReply(rootId) {
    const form = el("form", "thread-reply");
    form.autocomplete = "off";
    // Named by the message the thread hangs under, so several reply boxes can be told apart.
    const root = transcript.querySelector(`.msg[data-id="${CSS.escape(rootId)}"]`);
    const body = root?.querySelector(".body") || root;
    const under = (body?.textContent || "").replace(/\s+/g, " ").trim().slice(0, 80);
    const label = form.appendChild(
      el("label", "visually-hidden", under ? `Reply in the thread under: ${under}` : "Reply in this thread"),
    );
    const field = form.appendChild(el("input"));
    field.type = "text";
    field.maxLength = 4000;
    field.placeholder = "Reply in thread…";
    field.id = `reply-${rootId}`;
    label.htmlFor = field.id;
    const button = form.appendChild(el("button", "send", "Reply"));
    button.type = "submit";
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      void send(field.value, { thread: rootId, field });
    });
    return form;
  }

  /** Shows a message: in place of the one with the same id, or at the end of its thread/transcript. */
  function upsert(message) {
    const node = renderMessage(message);
    const existing = transcript.querySelector(`.msg[data-id="${CSS.escape(message.id)}"]`);
    if (existing) existing.replaceWith(node);
    else if (message.thread) {
      const box = threadBox(message.thread);
      box.insertBefore(node, box.querySelector(":scope > .thread-reply"));
    } else transcript.append(node);
    return node;
  }

  function show(messages, { focusChoices }) {
    let first = null;
    let last = null;
    for (const m of messages) {
      const node = upsert(m);
      first = first || node;
      last = node;
    }
    if (!first) return;
    // Bring what is new into view above the input bar: all of it when it fits; else the newest
    // message whole (a walkthrough's next question with its controls, after the answered card);
    // else the newest message's start, since a long answer is read from the top.
    const room = window.innerHeight - composerHeight() - 24;
    const newest = last.getBoundingClientRect();
    const span = newest.bottom - first.getBoundingClientRect().top;
    if (span <= room || newest.height <= room) last.scrollIntoView({ block: "end" });
    else last.scrollIntoView({ block: "start" });
    // After a press in a walkthrough, keyboard users land on the next question's first choice.
    const next = focusChoices
      ? [...messages]
          .reverse()
          .map((m) => transcript.querySelector(`.msg[data-id="${CSS.escape(m.id)}"] .role-choices button`))
          .find(Boolean)
      : null;
    if (next) next.focus({ preventScroll: true });
  }

  // ---- talking to the server ----

  async function post(body) {
    const res = await fetch("/api/playground/turn", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ session, ...body }),
    });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(data.error || `the server answered ${res.status}`);
    return data.messages || [];
  }

  function setBusy(busy, text) {
    document.body.classList.toggle("busy", busy);
    status.textContent = text || "";
  }

  /** Sends typed text: from the main input, or from a thread's reply box (`thread`, `field`). */
  async function send(text, { thread, field = input } = {}) {
    const trimmed = text.trim();
    // One message at a time: a second Enter while the first is on its way sends nothing.
    if (!trimmed || document.body.classList.contains("busy")) return;
    field.value = "";
    setBusy(true, "vmvc is thinking…");
    try {
      show(await post(thread ? { text: trimmed, thread } : { text: trimmed }), { focusChoices: false });
      setBusy(false);
    } catch (error) {
      field.value = trimmed;
      setBusy(false, `Could not send: ${error.message}. Try again.`);
    }
    field.focus();
  }

  async function press(button, message, node, role) {
    // A walkthrough card is replaced by its answer: lock all of it. A vote is given once.
    // Other buttons (follow-ups, suggestions, menus) work again once the answer is in.
    const scope = role === "choices" || role === "controls" ? node.closest(".msg") : node.closest(".buttons");
    const all = scope ? [...scope.querySelectorAll("button")] : [node];
    const keepLocked = role === "feedback";
    for (const b of all) b.disabled = true;
    node.classList.add("pressed");
    setBusy(true, "…");
    try {
      const body = { action: button.action, messageId: message.id };
      if (message.thread) body.thread = message.thread;
      show(await post(body), { focusChoices: true });
      setBusy(false);
      if (!keepLocked) {
        for (const b of all) b.disabled = false;
        node.classList.remove("pressed");
      }
    } catch (error) {
      for (const b of all) b.disabled = false;
      node.classList.remove("pressed");
      setBusy(false, `That did not work: ${error.message}. Try again.`);
    }
  }

  async function restore() {
    try {
      const res = await fetch(`/api/playground/history?session=${encodeURIComponent(session)}`);
      const data = await res.json();
      if (!res.ok) throw new Error(data.error || String(res.status));
      for (const m of data.messages || []) upsert(m);
      if (data.messages?.length) transcript.lastElementChild?.scrollIntoView({ block: "end" });
      else
        transcript.append(
          el("p", "empty", "Ask anything about VMs and containers, or start the decision checklist."),
        );
    } catch (error) {
      status.textContent = `Could not load the conversation: ${error.message}`;
    }
    document.body.classList.add("ready");
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    transcript.querySelector(".empty")?.remove();
    void send(input.value);
  });
  for (const chip of document.querySelectorAll("[data-example]")) {
    chip.addEventListener("click", () => {
      transcript.querySelector(".empty")?.remove();
      void send(chip.dataset.example);
    });
  }
  input.focus();
  void restore();
})();
