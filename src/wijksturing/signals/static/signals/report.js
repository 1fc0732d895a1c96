/* Report form helpers (progressive enhancement; the form works the same without this file):
   - the category suggestion and "is this the same report?" refresh while the resident types
     or chooses, from the same HTML fragment the server puts in the page after "check";
   - "Choose <category>" sets the select instead of sending the form. */
(function () {
  "use strict";
  var form = document.getElementById("signal-form");
  var box = document.getElementById("signal-helpers");
  if (!form || !box || !window.fetch) { return; }
  var url = form.getAttribute("data-helpers-url");
  var timer = null;
  var last = "";

  function field(name) { return form.elements.namedItem(name); }
  function value(name) { var f = field(name); return f && f.value ? f.value : ""; }

  function refresh() {
    var params = new URLSearchParams({
      gemeente: value("gemeente"), description: value("description"), category: value("category"),
      lat: value("lat"), lon: value("lon")
    });
    var query = params.toString();
    if (query === last) { return; }
    last = query;
    fetch(url + "?" + query, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) { if (query === last) { box.innerHTML = html; } })
      .catch(function () { /* keep what is shown; the "check" button still works */ });
  }
  function later() { window.clearTimeout(timer); timer = window.setTimeout(refresh, 400); }

  var description = field("description");
  if (description) { description.addEventListener("input", later); }
  var category = field("category");
  if (category) { category.addEventListener("change", refresh); }
  form.addEventListener("signals:place", refresh);  /* sent by the map script when a pin is set */

  box.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".js-use-category") : null;
    if (!button || !category) { return; }
    event.preventDefault();
    category.value = button.getAttribute("data-category");
    last = "";
    refresh();
    category.focus();
  });
})();
