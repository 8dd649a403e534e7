/* Review site behaviour: filters, row <-> box highlighting, and a self-check written into <pre id="check">.
   Plain JavaScript, no external assets; works from file://. */
(function () {
  "use strict";
  var warnBox = document.getElementById("f-warn");
  var notOkBox = document.getElementById("f-notok");
  var shown = document.getElementById("shown");
  var rows = Array.prototype.slice.call(document.querySelectorAll(".filterable"));
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".box"));

  function boxesOf(key) { return boxes.filter(function (b) { return b.dataset.key === key; }); }
  function rowOf(key) { return document.getElementById("row-" + key); }

  function applyFilters() {
    var warnOnly = warnBox && warnBox.checked, notOk = notOkBox && notOkBox.checked, n = 0;
    var hiddenKeys = {};
    rows.forEach(function (r) {
      var hide = (warnOnly && r.dataset.warn !== "1") || (notOk && r.dataset.notok !== "1");
      r.classList.toggle("hidden", hide);
      if (hide && r.dataset.key !== undefined) { hiddenKeys[r.dataset.key] = true; }
      if (!hide) { n += 1; }
    });
    boxes.forEach(function (b) { b.classList.toggle("hidden", !!hiddenKeys[b.dataset.key]); });
    if (shown) { shown.textContent = "showing " + n + " of " + rows.length; }
  }

  var pinned = null;
  function highlight(key, on) {
    boxesOf(key).forEach(function (b) { b.classList.toggle("active", on); });
    var row = rowOf(key);
    if (row) { row.classList.toggle("active", on); }
  }
  function select(key, scrollTo, instant) {
    if (pinned !== null) { highlight(pinned, false); }
    pinned = (pinned === key) ? null : key;
    if (pinned === null) { return; }
    highlight(key, true);
    var target = scrollTo === "row" ? rowOf(key) : boxesOf(key)[0];
    if (target && target.scrollIntoView) { target.scrollIntoView({ block: "center", behavior: instant ? "auto" : "smooth" }); }
  }

  document.querySelectorAll("tr.field").forEach(function (r) {
    var key = r.dataset.key;
    r.addEventListener("mouseenter", function () { highlight(key, true); });
    r.addEventListener("mouseleave", function () { if (pinned !== key) { highlight(key, false); } });
    r.addEventListener("click", function (e) {
      if (e.target.closest("details")) { return; }
      select(key, "box");
    });
  });
  boxes.forEach(function (b) {
    var key = b.dataset.key;
    b.addEventListener("mouseenter", function () { highlight(key, true); });
    b.addEventListener("mouseleave", function () { if (pinned !== key) { highlight(key, false); } });
    b.addEventListener("click", function () { select(key, "row"); });
  });
  [warnBox, notOkBox].forEach(function (c) { if (c) { c.addEventListener("change", applyFilters); } });
  applyFilters();
  /* report.html#row-12 opens with that field selected */
  var m = /^#row-(\d+)$/.exec(window.location.hash);
  if (m && rowOf(m[1])) { select(m[1], "box", true); rowOf(m[1]).scrollIntoView({ block: "center" }); }

  /* Self-check: where each box is drawn, in CSS pixels relative to its page image, with the image's
     displayed and natural sizes; plus any script or resource error. Read by tests/test_review.py. */
  function check() {
    var out = { errors: window.reviewErrors || [], images: [], boxes: [] };
    document.querySelectorAll(".sheet img").forEach(function (img) {
      out.images.push({ src: img.getAttribute("src"), loaded: img.complete && img.naturalWidth > 0,
                        natural_w: img.naturalWidth, natural_h: img.naturalHeight });
    });
    boxes.forEach(function (b) {
      var img = b.parentNode.querySelector("img");
      var ir = img.getBoundingClientRect(), br = b.getBoundingClientRect();
      out.boxes.push({ key: Number(b.dataset.key), page: Number(b.dataset.page), primary: b.dataset.primary === "1",
                       x: br.left - ir.left, y: br.top - ir.top, w: br.width, h: br.height,
                       img_w: ir.width, img_h: ir.height, natural_w: img.naturalWidth, natural_h: img.naturalHeight });
    });
    out.rows = rows.length;
    if (/[?&]selftest\b/.test(window.location.search)) { out.selftest = selftest(); }
    document.getElementById("check").textContent = JSON.stringify(out);
    document.body.setAttribute("data-ready", "1");
  }
  /* ?selftest: drive the controls as a reviewer would and record what they showed (for the browser test). */
  function visible(list) {
    return list.filter(function (el) { return el.getClientRects().length > 0; })
               .map(function (el) { return Number(el.dataset.key); });
  }
  function selftest() {
    var res = { filters: {}, click: [], hover: [] };
    [[false, false], [true, false], [false, true], [true, true]].forEach(function (f) {
      if (warnBox) { warnBox.checked = f[0]; }
      if (notOkBox) { notOkBox.checked = f[1]; }
      applyFilters();
      res.filters[(f[0] ? "warn" : "") + (f[1] ? "notok" : "") || "all"] = { rows: visible(rows), boxes: visible(boxes) };
    });
    if (warnBox) { warnBox.checked = false; }
    if (notOkBox) { notOkBox.checked = false; }
    applyFilters();
    document.querySelectorAll("tr.field").forEach(function (r) {
      r.dispatchEvent(new MouseEvent("mouseenter"));
      res.hover.push({ key: Number(r.dataset.key), active: visible(boxes.filter(function (b) { return b.classList.contains("active"); })) });
      r.dispatchEvent(new MouseEvent("mouseleave"));
      r.click();
      res.click.push({ key: Number(r.dataset.key), row_active: r.classList.contains("active"),
                       active: boxes.filter(function (b) { return b.classList.contains("active"); }).map(function (b) { return Number(b.dataset.key); }) });
      r.click();  /* a second click unpins */
    });
    return res;
  }

  if (document.readyState === "complete") { check(); } else { window.addEventListener("load", check); }
}());
