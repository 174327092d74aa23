/**
 * The interface's only script, served as a fingerprinted file (the CSP allows no inline script). Without it
 * every page works as plain links and forms; with it, the stories filter applies as soon as a control
 * changes and paging swaps only the results, fetched as a fragment (`x-wirewatch-fragment: results`) of
 * the very URL a reload would show, which goes into the history so that Back and bookmarks keep working.
 * Plain ES2017, no framework, no build step: written out as the file it is served as.
 */
export const CLIENT_JS = `"use strict";
(function () {
  var form = document.querySelector("form[data-instant]");
  var results = document.getElementById("results");
  if (!form || !results || !window.fetch || !window.history.pushState) return;
  var pending = null;
  var timer = 0;
  var shown = window.location.pathname + window.location.search;

  function urlFor(data) {
    var params = new URLSearchParams();
    data.forEach(function (value, name) { if (typeof value === "string" && value.trim() !== "") params.append(name, value.trim()); });
    var query = params.toString();
    return form.getAttribute("action") + (query ? "?" + query : "");
  }

  function load(url, push) {
    if (pending) pending.abort();
    pending = new AbortController();
    results.setAttribute("aria-busy", "true");
    return fetch(url, { headers: { "x-wirewatch-fragment": "results" }, signal: pending.signal, credentials: "same-origin" })
      .then(function (res) {
        if (!res.ok && res.status !== 400) throw new Error("HTTP " + res.status);
        return res.text();
      })
      .then(function (html) {
        results.innerHTML = html;
        results.removeAttribute("aria-busy");
        if (push) window.history.pushState({ wirewatch: true }, "", url);
        shown = window.location.pathname + window.location.search;
      })
      .catch(function (err) {
        if (err && err.name === "AbortError") return;
        window.location.href = url;
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    load(urlFor(new FormData(form)), true);
  });
  form.addEventListener("change", function () { load(urlFor(new FormData(form)), true); });
  form.addEventListener("input", function (event) {
    var t = event.target;
    if (!t || (t.type !== "search" && t.type !== "text")) return;
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { load(urlFor(new FormData(form)), true); }, 350);
  });
  results.addEventListener("click", function (event) {
    var link = event.target && event.target.closest ? event.target.closest("a[data-page]") : null;
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    load(link.getAttribute("href"), true).then(function () { results.focus(); });
  });
  // Back and Forward between filtered views; a jump to an anchor (the skip link) changes no view.
  window.addEventListener("popstate", function () {
    if (window.location.pathname + window.location.search !== shown) load(window.location.href, false);
  });
  document.documentElement.setAttribute("data-instant", "on");
})();
`;
