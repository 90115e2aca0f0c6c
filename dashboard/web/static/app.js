// Sales Analytics dashboard: progressive enhancement only. Every page works
// without this file; with it, the theme switches without a reload, a filter
// change reloads each tile on its own, with a loading state per tile, and the
// analyst's answer streams in.
(function () {
  "use strict";
  var root = document.documentElement;

  // Theme: apply at once, remember through the same POST the no-script form uses.
  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (!form.matches || !form.matches("form.theme")) return;
    var btn = ev.submitter;
    if (!btn || !btn.value) return;
    ev.preventDefault();
    if (btn.value === "auto") root.removeAttribute("data-theme"); else root.setAttribute("data-theme", btn.value);
    form.querySelectorAll("button").forEach(function (b) { b.setAttribute("aria-pressed", String(b === btn)); });
    var body = new FormData(form);
    body.set("theme", btn.value);
    fetch(form.action, { method: "POST", body: new URLSearchParams(body), credentials: "same-origin", headers: { "X-Requested-With": "fetch" } });
  });

  // Filters: swap each tile from its own endpoint; a bad filter falls back to
  // a full page load, which shows the form with the message.
  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (!form.matches || !form.matches("form[data-filters]")) return;
    var tiles = document.querySelectorAll("[data-tile]");
    if (!tiles.length || !window.fetch) return;
    ev.preventDefault();
    var params = new URLSearchParams();
    // The dates go together: left out only when both are at the default range
    // (a query without dates means that range), as the server canonicalises.
    var defaults = {}, dates = {}, datesAtDefault = true;
    form.querySelectorAll("[data-default]").forEach(function (el) {
      if (el.type === "date") {
        dates[el.name] = true;
        if (el.value !== el.getAttribute("data-default")) datesAtDefault = false;
      } else defaults[el.name] = el.getAttribute("data-default");
    });
    new FormData(form).forEach(function (v, k) {
      if (v === "" || (dates[k] ? datesAtDefault : v === defaults[k])) return;
      params.append(k, v);
    });
    var qs = params.toString();
    var url = form.getAttribute("action") + (qs ? "?" + qs : "");
    var page = document.body.getAttribute("data-page");
    var failed = false;
    var fallback = function () { if (!failed) { failed = true; window.location.assign(url); } };
    history.pushState(null, "", url);
    var jobs = [];
    tiles.forEach(function (tile) {
      tile.classList.add("is-loading");
      tile.setAttribute("aria-busy", "true");
      var id = tile.getAttribute("data-tile");
      jobs.push(fetch("/tile/" + page + "/" + encodeURIComponent(id) + (qs ? "?" + qs : ""), { credentials: "same-origin" })
        .then(function (res) {
          if (res.status === 400) { fallback(); return null; }
          return res.text();
        })
        .then(function (html) { if (html !== null && !failed) tile.outerHTML = html; })
        .catch(fallback));
    });
    jobs.push(fetch("/crumbs/" + page + (qs ? "?" + qs : ""), { credentials: "same-origin" })
      .then(function (res) { return res.ok ? res.text() : null; })
      .then(function (html) {
        var crumbs = document.querySelector("[data-crumbs]");
        if (html && crumbs && !failed) crumbs.outerHTML = html;
      }));
    Promise.all(jobs).then(function () {
      document.querySelectorAll("form input[name=return]").forEach(function (i) { i.value = url; });
      // The navigation carries the filters to the other pages.
      document.querySelectorAll("header.top a[href^='/']").forEach(function (a) {
        a.setAttribute("href", a.getAttribute("href").split("?")[0] + (qs ? "?" + qs : ""));
      });
      form.querySelectorAll("details.pick").forEach(function (d) {
        var picked = d.querySelectorAll("input:checked");
        var label = d.parentNode.querySelector("span").textContent;
        var sum = d.querySelector("summary");
        if (picked.length === 0) sum.textContent = d.getAttribute("data-none") || "All " + label.charAt(0).toLowerCase() + label.slice(1);
        else if (picked.length === 1) sum.textContent = picked[0].parentNode.textContent.trim().split(" · ")[0];
        else sum.textContent = picked.length + " " + label.charAt(0).toLowerCase() + label.slice(1);
      });
      document.querySelectorAll("details.pick[open]").forEach(function (d) { d.removeAttribute("open"); });
    });
  });

  // Analyst: the answer streams in from /analyst/stream as server-sent events,
  // each an HTML fragment the server rendered and escaped; the URL becomes the
  // page's own (/analyst?q=…), so a reload or a shared link shows the same
  // answer without the script. Follow-up links are asked the same way.
  var asking = null;
  function ask(area, question) {
    var qs = new URLSearchParams({ q: question }).toString();
    var url = "/analyst?" + qs;
    if (asking) asking.abort();
    var ctrl = new AbortController();
    asking = ctrl;
    history.pushState(null, "", url);
    var status = document.createElement("p");
    status.className = "ask-status";
    status.setAttribute("role", "status");
    status.setAttribute("data-status", "");
    var spin = document.createElement("span");
    spin.className = "spinner";
    spin.setAttribute("aria-hidden", "true");
    status.appendChild(spin);
    status.appendChild(document.createTextNode(" Asking the analyst…"));
    area.replaceChildren(status);
    area.classList.add("is-loading");
    area.setAttribute("aria-busy", "true");
    var sentence = null;
    var finish = function () {
      if (asking !== ctrl) return;
      asking = null;
      status.remove();
      area.classList.remove("is-loading");
      area.removeAttribute("aria-busy");
    };
    // The status line stays last, below what has arrived; the sentence is first.
    var on = {
      status: function (html) { status.innerHTML = html; },
      text: function (html) {
        if (!sentence) {
          sentence = document.createElement("p");
          sentence.className = "answer";
          sentence.setAttribute("data-answer", "");
          area.prepend(sentence);
        }
        sentence.insertAdjacentHTML("beforeend", html);
      },
      sql: function (html) { status.insertAdjacentHTML("beforebegin", html); },
      table: function (html) { status.insertAdjacentHTML("beforebegin", html); },
      suggest: function (html) { status.insertAdjacentHTML("beforebegin", html); },
      error: function (html) { status.insertAdjacentHTML("beforebegin", html); finish(); },
      done: function (html) {
        if (sentence) sentence.outerHTML = html; else area.insertAdjacentHTML("afterbegin", html);
        finish();
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
                var cut = document.createElement("p");
                cut.className = "tile-error";
                cut.setAttribute("role", "alert");
                cut.textContent = "The answer stopped before it was complete; reload the page to ask again.";
                status.before(cut);
              }
              finish();
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

  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (!form.matches || !form.matches("form[data-ask]")) return;
    var area = document.querySelector("[data-answer-area]");
    var input = form.querySelector("input[name=q]");
    var question = input ? input.value.trim() : "";
    if (!area || !question || !window.fetch || !window.ReadableStream || !window.AbortController) return;
    ev.preventDefault();
    ask(area, question);
  });

  document.addEventListener("click", function (ev) {
    var link = ev.target.closest ? ev.target.closest("[data-answer-area] [data-followups] a") : null;
    if (!link || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    var area = document.querySelector("[data-answer-area]");
    var question = new URL(link.href).searchParams.get("q");
    if (!area || !question || !window.fetch || !window.ReadableStream || !window.AbortController) return;
    ev.preventDefault();
    var input = document.querySelector("form[data-ask] input[name=q]");
    if (input) input.value = question;
    ask(area, question);
  });

  // Pickers: a long list filters as you type; a customer or product picker
  // asks the server (/pick/{field}?q=) and lists the matches not yet picked.
  var searching = null;
  document.addEventListener("input", function (ev) {
    var box = ev.target;
    if (!box.matches) return;
    var text = box.value.trim().toLowerCase();
    if (box.matches("[data-filter]")) {
      box.parentNode.querySelectorAll("label").forEach(function (l) { l.hidden = text !== "" && l.textContent.toLowerCase().indexOf(text) < 0; });
      return;
    }
    if (!box.matches("[data-search]") || !window.fetch) return;
    var found = box.parentNode.querySelector("[data-found]");
    var picked = box.parentNode.querySelector("[data-picked]");
    clearTimeout(searching);
    if (text === "") { found.replaceChildren(); return; }
    searching = setTimeout(function () {
      fetch(box.getAttribute("data-search") + "?q=" + encodeURIComponent(box.value.trim()), { credentials: "same-origin" })
        .then(function (res) { return res.ok ? res.text() : ""; })
        .then(function (html) {
          if (box.value.trim().toLowerCase() !== text) return; // a newer search is on its way
          var tpl = document.createElement("template");
          tpl.innerHTML = html;
          tpl.content.querySelectorAll("input").forEach(function (i) {
            if (picked.querySelector("input[value='" + CSS.escape(i.value) + "']")) i.parentNode.remove();
          });
          if (!tpl.content.querySelector("label")) {
            var none = document.createElement("p");
            none.className = "none";
            none.textContent = "No match.";
            tpl.content.appendChild(none);
          }
          found.replaceChildren(tpl.content);
        });
    }, 200);
  });

  // Filters fold behind a button on a narrow screen (CSS shows the button
  // there); without the script the form simply stays open.
  root.classList.add("js");

  // On a narrow screen the pages and the period buttons scroll sideways: show
  // the current ones.
  function reveal(sel) {
    var all = document.querySelectorAll(sel);
    var el = all[all.length - 1];
    if (!el) return;
    var box = el.parentNode.closest("nav, form");
    if (box && box.scrollWidth > box.clientWidth) box.scrollLeft = el.offsetLeft - (box.clientWidth - el.offsetWidth) / 2;
  }
  reveal("header.top nav a[aria-current=page]");
  reveal(".presets button[aria-pressed=true]");
  document.addEventListener("click", function (ev) {
    var btn = ev.target.closest ? ev.target.closest("[data-filter-toggle]") : null;
    if (!btn) return;
    var form = document.getElementById(btn.getAttribute("aria-controls"));
    var open = btn.getAttribute("aria-expanded") !== "true";
    btn.setAttribute("aria-expanded", String(open));
    if (form) form.classList.toggle("open", open);
  });

  window.addEventListener("popstate", function () { window.location.reload(); });

  // Close an open picker when the user clicks elsewhere.
  document.addEventListener("click", function (ev) {
    document.querySelectorAll("details.pick[open]").forEach(function (d) { if (!d.contains(ev.target)) d.removeAttribute("open"); });
  });
})();
