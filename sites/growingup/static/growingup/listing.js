// Filters a listing in the browser as soon as a filter changes. The page works without this:
// the filter form is a plain GET form the server answers. This script loads the listing's
// items as JSON (each with its rendered card and its facets) and applies the same rule as the
// server: an item matches when its facets hold every chosen value. On the static site, which
// ignores query strings, it also applies the filters of a shared link on load.
(function () {
  "use strict";
  var listing = document.querySelector("[data-listing]");
  if (!listing || !window.fetch || !window.URLSearchParams) return;
  var form = listing.querySelector("form");
  var results = listing.querySelector("[data-results]");
  var count = listing.querySelector("[data-count]");
  var empty = listing.querySelector("[data-empty]");
  var clear = listing.querySelector("[data-clear]");
  var items = null;

  function chosen() {
    var values = {};
    new FormData(form).forEach(function (value, name) {
      if (value) values[name] = value;
    });
    return values;
  }

  function matches(item, values) {
    return Object.keys(values).every(function (name) {
      return (item.facets[name] || []).indexOf(values[name]) !== -1;
    });
  }

  function restore(query) {
    query.forEach(function (value, name) {
      var control = form.elements[name];
      if (!control) return;
      if (control.type === "checkbox") control.checked = control.value === value;
      else control.value = value;
    });
  }

  function render() {
    var values = chosen();
    var shown = items.filter(function (item) { return matches(item, values); });
    results.innerHTML = shown.map(function (item) { return item.html; }).join("");
    count.textContent = String(shown.length);
    empty.hidden = shown.length > 0;
    clear.hidden = Object.keys(values).length === 0;
    var query = new URLSearchParams(values).toString();
    history.replaceState(null, "", query ? "?" + query : window.location.pathname);
  }

  form.addEventListener("submit", function (event) {
    if (!items) return; // not loaded yet: let the server answer
    event.preventDefault();
    render();
  });

  fetch(listing.getAttribute("data-items"), { headers: { Accept: "application/json" } })
    .then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    })
    .then(function (data) {
      items = data.items;
      form.addEventListener("change", render);
      listing.classList.add("listing--instant");
      if (window.location.search) {
        restore(new URLSearchParams(window.location.search));
        render();
      }
    })
    .catch(function () {
      // Without the JSON the form still works the plain way.
    });
})();
