// Filters a list in the browser, without reloading, when the page shows the whole list. The
// form still works without JavaScript (the server filters), and on the static site, where the
// server ignores the query string, this script applies it. Each card carries data-<filter>
// attributes; the "week" filter reads data-starts, data-ends and data-type.
(function () {
  "use strict";
  var DAY = 24 * 60 * 60 * 1000;

  function isoDay(date) {
    return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
  }

  function openThisWeek(card) {
    var today = new Date();
    var start = isoDay(today);
    var end = isoDay(new Date(today.getTime() + 6 * DAY));
    var starts = card.dataset.starts;
    if (!starts) return card.dataset.type === "this-week";
    var ends = card.dataset.ends || starts;
    return starts <= end && ends >= start;
  }

  function matches(card, params) {
    var ok = true;
    params.forEach(function (value, name) {
      if (!value || !ok) return;
      if (name === "week") {
        ok = openThisWeek(card);
      } else {
        var tokens = (card.dataset[name] || "").split(" ");
        ok = tokens.indexOf(value) !== -1;
      }
    });
    return ok;
  }

  function apply(form, list) {
    var params = new URLSearchParams(new FormData(form));
    var shown = 0;
    Array.prototype.forEach.call(list.children, function (card) {
      var match = matches(card, params);
      card.hidden = !match;
      if (match) shown += 1;
    });
    var count = document.querySelector("[data-filter-count]");
    if (count) count.textContent = String(shown);
    var empty = document.querySelector("[data-filter-empty]");
    if (empty) empty.hidden = shown > 0;
    return params;
  }

  function setUp(form) {
    var list = document.getElementById(form.dataset.filterList);
    // A list the server already filtered is not complete: let the form reload the page.
    if (!list || !list.hasAttribute("data-complete")) return;
    var query = new URLSearchParams(window.location.search);
    query.forEach(function (value, name) {
      var field = form.elements[name];
      if (!field) return;
      if (field.type === "checkbox") field.checked = value === field.value;
      else field.value = value;
    });
    apply(form, list);
    function update(event) {
      if (event) event.preventDefault();
      var params = apply(form, list);
      Array.from(params.keys()).forEach(function (name) {
        if (!params.get(name)) params.delete(name);
      });
      var search = params.toString();
      window.history.replaceState(null, "", search ? "?" + search : window.location.pathname);
    }
    form.addEventListener("submit", update);
    form.addEventListener("change", function () { update(); });
  }

  document.querySelectorAll("form[data-filter-list]").forEach(setUp);
})();
