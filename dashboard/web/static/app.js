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
    var defaults = {};
    form.querySelectorAll("[data-default]").forEach(function (el) { defaults[el.name] = el.getAttribute("data-default"); });
    new FormData(form).forEach(function (v, k) { if (v !== "" && v !== defaults[k]) params.append(k, v); });
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
        if (picked.length === 0) sum.textContent = "All " + label.charAt(0).toLowerCase() + label.slice(1);
        else if (picked.length === 1) sum.textContent = picked[0].parentNode.textContent.trim();
        else sum.textContent = picked.length + " " + label.charAt(0).toLowerCase() + label.slice(1);
      });
      document.querySelectorAll("details.pick[open]").forEach(function (d) { d.removeAttribute("open"); });
    });
  });

  // A page whose state was pushed (a filter, an analyst question) is its URL.
  window.addEventListener("popstate", function () { window.location.reload(); });

  // Close an open picker when the user clicks elsewhere.
  document.addEventListener("click", function (ev) {
    document.querySelectorAll("details.pick[open]").forEach(function (d) { if (!d.contains(ev.target)) d.removeAttribute("open"); });
  });
})();
