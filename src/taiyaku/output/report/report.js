
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var findings = Array.prototype.slice.call(document.querySelectorAll("article.finding"));
  var units = Array.prototype.slice.call(document.querySelectorAll("section.unit"));
  var shown = document.getElementById("shown");
  var nomatch = document.getElementById("nomatch");
  var pagesShown = document.getElementById("pages-shown");
  var expand = document.getElementById("expand");
  var PREFIX = "#filter?";
  var FEW = 10; // a view of this many findings or fewer shows them open
  var expanded = false;
  if (!form) { return; }
  function state() {
    var sev = [];
    form.querySelectorAll("input[name=severity]").forEach(function (box) {
      if (box.checked) { sev.push(box.value); }
    });
    return {sev: sev, rule: form.elements.rule.value, folder: form.elements.folder.value};
  }
  function matchesBut(f, s, ignoreSeverity) {
    return (ignoreSeverity || s.sev.indexOf(f.dataset.severity) >= 0) &&
      (!s.rule || f.dataset.code === s.rule) &&
      (!s.folder || f.dataset.folder === s.folder);
  }
  function setOpen(f, open) {
    var d = f.querySelector("details");
    if (d) { d.open = open; }
  }
  function apply() {
    var s = state();
    var n = 0;
    var perSeverity = {};
    findings.forEach(function (f) {
      var ok = matchesBut(f, s, false);
      f.hidden = !ok;
      if (ok) { n += 1; }
      if (matchesBut(f, s, true)) {
        perSeverity[f.dataset.severity] = (perSeverity[f.dataset.severity] || 0) + 1;
      }
    });
    var pages = 0;
    units.forEach(function (u) {
      u.hidden = !u.querySelector("article.finding:not([hidden])");
      if (!u.hidden) { pages += 1; }
    });
    findings.forEach(function (f) {
      if (!f.hidden) { setOpen(f, expanded || n <= FEW); }
    });
    form.querySelectorAll("[data-count]").forEach(function (el) {
      el.textContent = perSeverity[el.getAttribute("data-count")] || 0;
    });
    if (pagesShown) { pagesShown.textContent = pages; }
    shown.textContent = "Showing " + n + " of " + findings.length + " findings";
    nomatch.hidden = n > 0 || findings.length === 0;
  }
  function select(el, value) {
    el.value = value;
    if (el.value !== value) { el.value = ""; }
  }
  function fromHash() {
    if (location.hash.indexOf(PREFIX) !== 0) { return false; }
    var p = new URLSearchParams(location.hash.slice(PREFIX.length));
    var sev = p.has("severity") ? p.get("severity").split(",") : null;
    form.querySelectorAll("input[name=severity]").forEach(function (box) {
      box.checked = !sev || sev.indexOf(box.value) >= 0;
    });
    select(form.elements.rule, p.get("rule") || "");
    select(form.elements.folder, p.get("folder") || "");
    return true;
  }
  function toHash() {
    var s = state();
    var p = new URLSearchParams();
    if (s.rule) { p.set("rule", s.rule); }
    if (s.folder) { p.set("folder", s.folder); }
    if (s.sev.length !== 3) { p.set("severity", s.sev.join(",")); }
    var text = p.toString();
    try {
      history.replaceState(null, "", text ? PREFIX + text : location.pathname);
    } catch (err) { /* some browsers refuse on file: URLs */ }
  }
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (el && el.tagName === "DETAILS") { el.open = true; }
  }
  function toResults() {
    document.getElementById("pages").scrollIntoView();
  }
  form.addEventListener("change", function () { apply(); toHash(); });
  form.addEventListener("reset", function () {
    setTimeout(function () { apply(); toHash(); }, 0);
  });
  if (expand) {
    expand.addEventListener("click", function () {
      expanded = !expanded;
      expand.setAttribute("aria-pressed", expanded ? "true" : "false");
      expand.textContent = expanded ? "Collapse all" : "Expand all";
      apply();
    });
  }
  window.addEventListener("hashchange", function () {
    if (fromHash()) {
      apply();
      toResults();
    } else {
      openTarget();
    }
  });
  form.hidden = false;
  var filteredFromAddress = fromHash();
  apply();
  openTarget();
  if (filteredFromAddress) { toResults(); }
  document.documentElement.setAttribute("data-js", "ready");
})();
