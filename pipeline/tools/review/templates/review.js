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

  /* Corrections: each row's "correct this value" form adds a line to a list kept in this browser (per
     output folder), exported as the CSV `pipeline run --corrections` reads. No server: the download is a
     blob: link made on the page. */
  var COLUMNS = ["source", "field", "was", "value", "note", "unit", "answer", "status", "reviewer", "action"];
  var storeKey = "pipeline-review-corrections:" + (document.body.getAttribute("data-site") || "");
  var memory = [];
  function loadFixes() {
    try { return JSON.parse(window.localStorage.getItem(storeKey) || "[]"); } catch (e) { return memory; }
  }
  function saveFixes(list) {
    memory = list;
    try { window.localStorage.setItem(storeKey, JSON.stringify(list)); } catch (e) { /* file:// without storage */ }
    showFixes();
  }
  /* The same formula guard as the pipeline's CSVs (pipeline/outdir/cells.py guard_formula): a cell a
     spreadsheet would run as a formula (starting with = + - @ tab or CR) gets a leading ', unless it is a
     plain number such as -3.04; the corrections reader takes the guard off again. */
  var FORMULA_START = /^[=+\-@\t\r]/;
  var PLAIN_NUMBER = /^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/;
  function guardFormula(text) {
    return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? "'" + text : text;
  }
  function csvCell(text) {
    text = guardFormula(String(text === undefined || text === null ? "" : text));
    return /[",\r\n]|^\s|\s$/.test(text) ? "\"" + text.replace(/"/g, "\"\"") + "\"" : text;
  }
  window.reviewCsv = { csvCell: csvCell, fixesCsv: fixesCsv, guardFormula: guardFormula };
  function fixesCsv(list) {
    return [COLUMNS.join(",")].concat(list.map(function (c) {
      return COLUMNS.map(function (k) { return csvCell(c[k]); }).join(",");
    })).join("\n") + "\n";
  }
  var fixbar = document.getElementById("fixbar");
  var exportLink = document.getElementById("fix-export");
  var exportUrl = null;
  function showFixes() {
    var list = loadFixes();
    var count = document.getElementById("fix-count");
    if (count) { count.textContent = String(list.length); }
    if (exportLink && window.URL && window.Blob) {
      if (exportUrl) { window.URL.revokeObjectURL(exportUrl); }
      exportUrl = window.URL.createObjectURL(new Blob([fixesCsv(list)], { type: "text/csv" }));
      exportLink.href = exportUrl;
    }
    document.querySelectorAll("tr.field").forEach(function (r) {
      var source = sourceOf(r);
      var mine = list.filter(function (c) {
        return c.source === source && (c.row === r.dataset.key || (!c.row && c.field === r.dataset.field));
      })[0];
      r.classList.toggle("pending", !!mine);
      var state = r.querySelector(".fix-state");
      if (state) {
        state.textContent = !mine ? "" : mine.action === "confirm" ? "confirmed" : "added: " + (mine.value || "(no value)");
      }
    });
  }
  /* a row's report: its own data-source on doubtful.html, the page's on a report page */
  function sourceOf(row) {
    return row.dataset.source || (fixbar ? fixbar.getAttribute("data-source") : null);
  }
  function addFix(row, form, confirm) {
    var source = sourceOf(row);
    var field = form.elements.field ? form.elements.field.value : row.dataset.field;
    var target = row.dataset.source ? row : (document.querySelector('tr.field[data-field="' + field + '"]') || row);
    var reviewer = form.elements.reviewer.value.trim();
    /* a confirmation: the value is right as extracted (its `value` is the `was`, action confirm) */
    var fix = { source: source, field: field, was: target.dataset.was,
                value: confirm ? target.dataset.was : form.elements.value.value.trim(),
                note: form.elements.note.value.trim(),
                unit: confirm ? "" : (form.elements.unit ? form.elements.unit.value.trim() : ""),
                answer: "", status: "", reviewer: reviewer, action: confirm ? "confirm" : "", row: row.dataset.key };
    var list = loadFixes().filter(function (c) { return !(c.source === source && c.field === field); });
    list.push(fix);
    try { if (reviewer) { window.localStorage.setItem("pipeline-review-reviewer", reviewer); } } catch (e) { /* none */ }
    saveFixes(list);
  }
  document.querySelectorAll("tr.field").forEach(function (r) {
    var form = r.querySelector("form.fix-form");
    if (!form || !fixbar) { return; }
    try { form.elements.reviewer.value = window.localStorage.getItem("pipeline-review-reviewer") || ""; } catch (e) { /* none */ }
    form.addEventListener("submit", function (e) { e.preventDefault(); addFix(r, form, false); });
    var confirmButton = form.querySelector("button.confirm");
    if (confirmButton) { confirmButton.addEventListener("click", function () { addFix(r, form, true); }); }
  });
  /* Sortable tables (class "sortable"): a click on a column's header sorts the body's rows by it, a second
     click the other way. A cell's data-sort-value, else its text; numbers as numbers. */
  function sortValue(cell, numeric) {
    var text = cell ? (cell.getAttribute("data-sort-value") || cell.textContent.trim()) : "";
    if (!numeric) { return text.toLowerCase(); }
    var n = parseFloat(text.replace(/[^0-9eE.+\-]/g, ""));
    return isNaN(n) ? -Infinity : n;
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var body = table.tBodies[0];
    if (!body) { return; }
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
      if (th.hasAttribute("data-nosort")) { return; }
      th.addEventListener("click", function () {
        var numeric = th.getAttribute("data-sort") === "num";
        var asc = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var rowsNow = Array.prototype.slice.call(body.rows);
        rowsNow.sort(function (a, b) {
          var x = sortValue(a.cells[col], numeric), y = sortValue(b.cells[col], numeric);
          return (x < y ? -1 : x > y ? 1 : 0) * (asc ? 1 : -1);
        });
        rowsNow.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
  var clearButton = document.getElementById("fix-clear");
  if (clearButton) { clearButton.addEventListener("click", function () { saveFixes([]); }); }
  showFixes();
  applyFilters();
  /* report.html#row-12 opens with that field selected */
  var m = /^#row-(\d+)$/.exec(window.location.hash);
  if (m && rowOf(m[1])) { select(m[1], "box", true); rowOf(m[1]).scrollIntoView({ block: "center" }); }

  /* Self-check: where each box is drawn, in CSS pixels relative to its page image, with the image's
     displayed and natural sizes; plus any script or resource error. Read by tests/tools/test_review.py. */
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
                       bbox: b.dataset.bbox.split(",").map(Number),
                       x: br.left - ir.left, y: br.top - ir.top, w: br.width, h: br.height,
                       img_w: ir.width, img_h: ir.height, natural_w: img.naturalWidth, natural_h: img.naturalHeight });
    });
    out.rows = rows.length;
    out.layout = layout();
    if (/[?&]selftest\b/.test(window.location.search)) { out.selftest = selftest(); }
    document.getElementById("check").textContent = JSON.stringify(out);
    document.body.setAttribute("data-ready", "1");
  }
  /* Where things are laid out, in CSS pixels (read by the browser test at laptop widths): the two panes,
     whether anything scrolls sideways, table cells whose content overflows them, and identifier parts
     (field ids, codes) broken over two lines. */
  function rect(el) {
    if (!el) { return null; }
    var r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
  }
  function layout() {
    var fields = document.querySelector(".fields"), doc = document.documentElement;
    var out = { viewport: [window.innerWidth, window.innerHeight], page_scroll_x: doc.scrollWidth - doc.clientWidth,
                fields: rect(fields), pages: rect(document.querySelector(".pages")),
                table: rect(document.querySelector(".fields-table, table.reports")),
                image: rect(document.querySelector(".sheet img")), clipped: [], broken: [] };
    if (fields) { out.fields_scroll_x = fields.scrollWidth - fields.clientWidth; }
    document.querySelectorAll("td, th").forEach(function (c) {
      if (c.scrollWidth > c.clientWidth + 1 && c.getClientRects().length) {
        out.clipped.push((c.closest("tr").id || c.closest("tr").rowIndex) + ": " + c.textContent.trim().slice(0, 40));
      }
    });
    document.querySelectorAll(".seg").forEach(function (s) {
      if (s.getClientRects().length > 1) { out.broken.push(s.textContent); }
    });
    return out;
  }

  /* ?selftest&fixfield=F&fixvalue=V: correct field F to V through its row's form, as a reviewer would,
     and record the CSV the export link would download. */
  /* ?selftest&confirmfield=F: confirm the first row of field F (on doubtful.html: of any report) through
     its confirm button, and record the CSV the export link would download. */
  function confirmtest() {
    var q = new URLSearchParams(window.location.search), field = q.get("confirmfield");
    if (!field) { return null; }
    var row = document.querySelector('tr.field[data-field="' + field + '"]');
    var form = row.querySelector("form.fix-form");
    form.elements.note.value = "checked against the page";
    form.elements.reviewer.value = "selftest";
    form.querySelector("button.confirm").click();
    return { csv: fixesCsv(loadFixes()), pending: row.classList.contains("pending"),
             state: row.querySelector(".fix-state").textContent, source: sourceOf(row) };
  }
  /* ?selftest&sortcol=N: click header N of each sortable table twice, recording its column's order */
  function sorttest() {
    var col = new URLSearchParams(window.location.search).get("sortcol");
    if (col === null) { return null; }
    var out = [];
    document.querySelectorAll("table.sortable").forEach(function (table) {
      var th = table.tHead.rows[0].cells[Number(col)], orders = [];
      [0, 1].forEach(function () {
        th.click();
        orders.push({ sort: th.getAttribute("aria-sort"), cells: Array.prototype.map.call(table.tBodies[0].rows,
          function (r) { return r.cells[Number(col)].getAttribute("data-sort-value") || r.cells[Number(col)].textContent.trim(); }) });
      });
      out.push(orders);
    });
    return out;
  }
  function fixtest() {
    var q = new URLSearchParams(window.location.search), field = q.get("fixfield");
    if (!field) { return null; }
    var row = document.querySelector('tr.field[data-field="' + field + '"]');
    var form = row.querySelector("form.fix-form");
    row.querySelector("details.fix").open = true;
    form.elements.value.value = q.get("fixvalue");
    form.elements.note.value = "checked against the page";
    form.elements.reviewer.value = "selftest";
    form.querySelector("button[type=submit]").click();
    return { csv: fixesCsv(loadFixes()), count: document.getElementById("fix-count").textContent,
             pending: row.classList.contains("pending"), download: exportLink.getAttribute("download"),
             href: exportLink.href.slice(0, 5),
             forms: document.querySelectorAll("tr.field form.fix-form").length };
  }

  /* ?selftest: drive the controls as a reviewer would and record what they showed (for the browser test). */
  function visible(list) {
    return list.filter(function (el) { return el.getClientRects().length > 0; })
               .map(function (el) { return Number(el.dataset.key); });
  }
  function selftest() {
    var res = { filters: {}, click: [], hover: [], fix: fixtest(), confirm: confirmtest(), sort: sorttest() };
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
