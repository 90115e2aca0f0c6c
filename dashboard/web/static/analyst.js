// The analyst page's conversation, as progressive enhancement: without this
// file the question form is a plain GET and the server renders the whole
// conversation. With it, a question (typed, or a suggestion clicked) is asked in
// place: a new turn is added to the conversation and its answer streams in from
// /analyst/stream as server-sent events, each an HTML fragment the server
// rendered and escaped; the last event is the whole turn as the page renders
// it. The URL becomes the page's own (/analyst?…&q=…&q=…), so a reload or a
// shared link shows the same conversation, and the form's hidden fields follow
// the URL, so the next question is a follow-up of this one.
(function () {
  "use strict";
  var asking = null;

  function el(tag, cls, attr) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (attr) e.setAttribute(attr, "");
    return e;
  }

  // syncForm makes the form's hidden questions the URL's, or none when the
  // conversation is full (the next question starts a new one).
  function syncForm(form, qs) {
    var text = form.querySelector("#q");
    var max = parseInt(form.getAttribute("data-max-turns"), 10) || 8;
    var turns = new URLSearchParams(qs).getAll("q");
    form.querySelectorAll('input[type=hidden][name=q]').forEach(function (i) { i.remove(); });
    var full = turns.length >= max;
    if (!full) {
      turns.forEach(function (t) {
        var h = document.createElement("input");
        h.type = "hidden";
        h.name = "q";
        h.value = t;
        text.before(h);
      });
    }
    var fresh = document.querySelector("[data-new]");
    if (fresh) fresh.hidden = false;
    var note = document.querySelector("[data-full]");
    if (note) note.hidden = !full;
    text.value = "";
    text.placeholder = "Ask a follow-up, e.g. “and in 2024?”";
  }

  function ask(form, qs) {
    var list = document.querySelector("[data-turns]");
    var turns = new URLSearchParams(qs).getAll("q");
    var question = turns[turns.length - 1];
    var url = "/analyst?" + qs;
    var before = window.location.pathname + window.location.search;
    if (asking) asking.abort();
    var ctrl = new AbortController();
    asking = ctrl;
    history.pushState(null, "", url);
    list.querySelectorAll("[data-failed]").forEach(function (f) { f.remove(); });
    // A conversation that does not go on from the one shown (a full one, a
    // starter) replaces it.
    if (list.children.length !== turns.length - 1) list.replaceChildren();
    var starters = document.querySelector("[data-starters]");
    if (starters) starters.remove();
    list.querySelectorAll("[data-followups]").forEach(function (f) { f.remove(); });

    var item = el("li", "turn", "data-turn");
    var asked = el("p", "asked", "data-asked");
    asked.textContent = question;
    var area = el("div", "answer-area is-loading", "data-answer-area");
    area.setAttribute("aria-live", "polite");
    area.setAttribute("aria-busy", "true");
    var status = el("p", "ask-status", "data-status");
    status.setAttribute("role", "status");
    var spin = el("span", "spinner");
    spin.setAttribute("aria-hidden", "true");
    status.appendChild(spin);
    status.appendChild(document.createTextNode(" Asking the analyst…"));
    area.appendChild(status);
    item.appendChild(asked);
    item.appendChild(area);
    list.appendChild(item);
    item.scrollIntoView({ block: "nearest" });

    var sentence = null;
    var finish = function (failed) {
      if (asking !== ctrl) return;
      asking = null;
      status.remove();
      area.classList.remove("is-loading");
      area.removeAttribute("aria-busy");
      if (failed) {
        // A question that failed is not part of the conversation.
        item.setAttribute("data-failed", "");
        history.replaceState(null, "", before);
      }
    };
    // The status line stays last, below what has arrived; the sentence is first.
    var on = {
      status: function (html) { status.innerHTML = html; },
      text: function (html) {
        if (!sentence) {
          sentence = el("p", "answer", "data-answer");
          area.prepend(sentence);
        }
        sentence.insertAdjacentHTML("beforeend", html);
      },
      sql: function (html) { status.insertAdjacentHTML("beforebegin", html); },
      table: function (html) { status.insertAdjacentHTML("beforebegin", html); },
      suggest: function (html) { status.insertAdjacentHTML("beforebegin", html); },
      error: function (html) { status.insertAdjacentHTML("beforebegin", html); finish(true); },
      done: function (html) {
        finish(false);
        item.outerHTML = html;
        syncForm(form, qs);
      }
    };
    fetch("/analyst/stream?" + qs, { credentials: "same-origin", signal: ctrl.signal, headers: { Accept: "text/event-stream" } })
      .then(function (res) {
        if (!res.body || (res.headers.get("Content-Type") || "").indexOf("text/event-stream") !== 0) throw new Error("not a stream");
        var reader = res.body.getReader();
        var decoder = new TextDecoder();
        var buf = "";
        var pump = function () {
          return reader.read().then(function (chunk) {
            if (asking !== ctrl) { reader.cancel(); return; }
            buf += decoder.decode(chunk.value || new Uint8Array(), { stream: !chunk.done });
            var end;
            while ((end = buf.indexOf("\n\n")) >= 0) {
              var block = buf.slice(0, end);
              buf = buf.slice(end + 2);
              var name = "", data = [];
              block.split("\n").forEach(function (line) {
                if (line.indexOf("event: ") === 0) name = line.slice(7);
                else if (line.indexOf("data: ") === 0) data.push(line.slice(6));
              });
              if (Object.prototype.hasOwnProperty.call(on, name)) on[name](data.join("\n"));
            }
            if (chunk.done) {
              if (asking === ctrl) {
                var cut = el("p", "tile-error");
                cut.setAttribute("role", "alert");
                cut.textContent = "The answer stopped before it was complete; reload the page to ask again.";
                status.before(cut);
                finish(true);
              }
              return;
            }
            return pump();
          });
        };
        return pump();
      })
      .catch(function (err) {
        if (err && err.name === "AbortError") return;
        window.location.assign(url); // the page answers without the script
      });
  }

  function able() { return window.fetch && window.ReadableStream && window.AbortController && document.querySelector("[data-turns]"); }

  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (!form.matches || !form.matches("form[data-ask]") || !able()) return;
    var text = form.querySelector("#q");
    if (!text || !text.value.trim()) return;
    ev.preventDefault();
    var params = new URLSearchParams();
    new FormData(form).forEach(function (v, k) { if (String(v).trim()) params.append(k, String(v).trim()); });
    ask(form, params.toString());
  });

  // A suggestion or a starter links to the conversation with its question
  // added: it is asked the same way.
  document.addEventListener("click", function (ev) {
    var link = ev.target.closest ? ev.target.closest("[data-followups] a, [data-starters] a") : null;
    var form = document.querySelector("form[data-ask]");
    if (!link || !form || !able() || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    ev.preventDefault();
    ask(form, new URL(link.href).search.slice(1));
  });
})();
