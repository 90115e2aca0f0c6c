// Sales Analytics dashboard: progressive enhancement only. Every page works
// without this file; with it, the theme switches without a reload, a filter
// change reloads each tile on its own, with a loading state per tile. (The
// analyst page's conversation is analyst.js.)
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
    // The tiles the page has: when the new filter gives the page other tiles
    // (a drill-down), the server answers 205 and the whole page loads.
    var set = Array.prototype.map.call(tiles, function (t) { return t.getAttribute("data-tile"); }).join(" ");
    tiles.forEach(function (tile) {
      tile.classList.add("is-loading");
      tile.setAttribute("aria-busy", "true");
      var id = tile.getAttribute("data-tile");
      jobs.push(fetch("/tile/" + page + "/" + encodeURIComponent(id) + (qs ? "?" + qs : ""), { credentials: "same-origin", headers: { "X-Tile-Set": set } })
        .then(function (res) {
          if (res.status === 400 || res.status === 205) { fallback(); return null; }
          return res.text();
        })
        .then(function (html) { if (html !== null && !failed) tile.outerHTML = html; })
        .catch(fallback));
    });
    var crumbsHTML = null;
    jobs.push(fetch("/crumbs/" + page + (qs ? "?" + qs : ""), { credentials: "same-origin" })
      .then(function (res) { return res.ok ? res.text() : null; })
      .then(function (html) { crumbsHTML = html; }));
    Promise.all(jobs).then(function () {
      if (failed) return; // the whole page is loading
      var crumbs = document.querySelector("[data-crumbs]");
      if (crumbsHTML && crumbs) crumbs.outerHTML = crumbsHTML;
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

  // A page whose state was pushed (a filter, an analyst question) is its URL.
  window.addEventListener("popstate", function () { window.location.reload(); });

  // Close an open picker when the user clicks elsewhere.
  document.addEventListener("click", function (ev) {
    document.querySelectorAll("details.pick[open]").forEach(function (d) { if (!d.contains(ev.target)) d.removeAttribute("open"); });
  });
})();
