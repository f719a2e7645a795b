
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var findings = Array.prototype.slice.call(document.querySelectorAll("article.finding"));
  var units = Array.prototype.slice.call(document.querySelectorAll("section.unit"));
  var shown = document.getElementById("shown");
  var nomatch = document.getElementById("nomatch");
  var PREFIX = "#filter?";
  if (!form) { return; }
  function state() {
    var sev = [];
    form.querySelectorAll("input[name=severity]").forEach(function (box) {
      if (box.checked) { sev.push(box.value); }
    });
    return {sev: sev, rule: form.elements.rule.value, folder: form.elements.folder.value};
  }
  function apply() {
    var s = state();
    var n = 0;
    findings.forEach(function (f) {
      var ok = s.sev.indexOf(f.dataset.severity) >= 0 &&
        (!s.rule || f.dataset.code === s.rule) &&
        (!s.folder || f.dataset.folder === s.folder);
      f.hidden = !ok;
      if (ok) { n += 1; }
    });
    units.forEach(function (u) {
      u.hidden = !u.querySelector("article.finding:not([hidden])");
    });
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
  form.addEventListener("change", function () { apply(); toHash(); });
  form.addEventListener("reset", function () {
    setTimeout(function () { apply(); toHash(); }, 0);
  });
  window.addEventListener("hashchange", function () {
    if (fromHash()) {
      apply();
      document.getElementById("pages").scrollIntoView();
    } else {
      openTarget();
    }
  });
  form.hidden = false;
  fromHash();
  apply();
  openTarget();
  document.documentElement.setAttribute("data-js", "ready");
})();
