// Filters, expand/collapse, and printing every finding in full. The page works without it.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var findings = Array.prototype.slice.call(document.querySelectorAll("details.finding"));
  function checked(name) {
    var values = {};
    form.querySelectorAll('input[name="' + name + '"]').forEach(function (box) {
      if (box.checked) { values[box.value] = true; }
    });
    return values;
  }
  function apply() {
    var statuses = checked("status"), severities = checked("severity"), shown = 0;
    findings.forEach(function (f) {
      var visible = statuses[f.dataset.status] === true && severities[f.dataset.severity] === true;
      f.hidden = !visible;
      if (visible) { shown += 1; }
    });
    document.querySelectorAll("section.area").forEach(function (area) {
      area.hidden = area.querySelector("details.finding:not([hidden])") === null;
    });
    document.getElementById("no-match").hidden = shown !== 0;
    document.getElementById("shown").textContent = "Showing " + shown + " of " + findings.length + " findings";
  }
  function openAll(open) { findings.forEach(function (f) { if (!f.hidden) { f.open = open; } }); }
  function openTarget() {
    var target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    if (target && target.tagName === "DETAILS") { target.hidden = false; target.open = true; }
  }
  if (form) {
    form.hidden = false;
    form.addEventListener("change", apply);
    document.getElementById("expand-all").addEventListener("click", function () { openAll(true); });
    document.getElementById("collapse-all").addEventListener("click", function () { openAll(false); });
    apply();
  }
  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = findings.filter(function (f) { return !f.open; });
    closed.forEach(function (f) { f.open = true; });
  });
  window.addEventListener("afterprint", function () { closed.forEach(function (f) { f.open = false; }); });
  window.addEventListener("hashchange", openTarget);
  openTarget();
})();
