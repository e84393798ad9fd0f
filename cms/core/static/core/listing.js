// Filters a listing in the browser. The page works without this: the filter form is a plain
// GET form the server answers. This script loads the listing's items as JSON (each with its
// rendered card and what it is filtered on) and applies the server's rules:
//  - a choice or a checkbox keeps the items whose facets hold the chosen value;
//  - "q" keeps the items whose text holds every word typed (case and accents ignored);
//  - "when", "start" and "end" keep the dates that are on in the chosen range, in New York
//    time; items with dates always drop the ones that are over;
//  - a filter with a date word (data-when="week") also keeps the items whose dates meet that
//    word's range (cms.core.listings.ListingFilter.when);
//  - items that share a "group" (the dates of one event) show once, at the first that is kept
//    and not a "fallback" (a cancelled date), else at the first that is kept.
// A static copy of the site ignores query strings, so the script also applies the filters of a
// shared link. Attributes of [data-listing]: data-items (the JSON's address), data-items-lazy
// (load the JSON only once the reader uses the form), data-page-size (show that many results,
// then a [data-more] button for the next ones).
(function () {
  "use strict";
  var listing = document.querySelector("[data-listing]");
  if (!listing || !window.fetch || !window.URLSearchParams || !window.Intl) return;
  var form = listing.querySelector("form");
  var results = listing.querySelector("[data-results]");
  var count = listing.querySelector("[data-count]");
  var empty = listing.querySelector("[data-empty]");
  var clear = listing.querySelector("[data-clear]");
  var more = listing.querySelector("[data-more]");
  var pager = listing.querySelector("[data-pager]");
  var pageSize = parseInt(listing.getAttribute("data-page-size"), 10) || 0;
  var base = new URL(form.action, window.location.href).pathname;
  var items = null;
  var loading = null;
  var shown = [];
  var limit = 0;
  var typing = null;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function chosen() {
    var values = {};
    new FormData(form).forEach(function (value, name) {
      value = String(value).trim();
      if (value) values[name] = value;
    });
    return values;
  }

  // Dates are compared as New York wall-clock strings, "YYYY-MM-DDTHH:MM", like the JSON's.
  function nowInNewYork() {
    var parts = {};
    new Intl.DateTimeFormat("en-US", {
      timeZone: "America/New_York", hourCycle: "h23", year: "numeric", month: "2-digit",
      day: "2-digit", hour: "2-digit", minute: "2-digit"
    }).formatToParts(new Date()).forEach(function (part) { parts[part.type] = part.value; });
    return parts.year + "-" + parts.month + "-" + parts.day + "T" + parts.hour + ":" + parts.minute;
  }

  function addDays(day, days) {
    var date = new Date(day + "T00:00:00Z");
    date.setUTCDate(date.getUTCDate() + days);
    return date.toISOString().slice(0, 10);
  }

  function isDay(value) {
    return /^\d{4}-\d{2}-\d{2}$/.test(value || "");
  }

  // The same ranges as the server's cms.core.listings.date_range: [from, to), to null for open.
  function dateRange(values) {
    var now = nowInNewYork();
    var today = now.slice(0, 10);
    var weekday = (new Date(today + "T00:00:00Z").getUTCDay() + 6) % 7; // Monday is 0
    var later = function (a, b) { return a > b ? a : b; };
    if (values.when === "today") return [now, addDays(today, 1) + "T00:00"];
    if (values.when === "weekend") {
      var saturday = weekday === 6 ? addDays(today, -1) : addDays(today, (5 - weekday + 7) % 7);
      return [later(now, saturday + "T00:00"), addDays(saturday, 2) + "T00:00"];
    }
    if (values.when === "week") return [now, addDays(today, 7 - weekday) + "T00:00"];
    var start = isDay(values.start) ? values.start : "";
    var end = isDay(values.end) ? values.end : "";
    return [
      start ? later(now, start + "T00:00") : now,
      end ? addDays(end, 1) + "T00:00" : null
    ];
  }

  function meets(item, range) {
    return item.end > range[0] && (!range[1] || item.start < range[1]);
  }

  // The date word of a filter that declares one (data-when="week"), as the server's
  // ListingFilter.when.
  function dateWord(name) {
    var control = form.elements[name];
    return control && control.getAttribute ? control.getAttribute("data-when") : null;
  }

  function matcher(values) {
    var words = values.q ? fold(values.q).split(/\s+/).filter(Boolean) : [];
    var range = dateRange(values);
    var wordRanges = {};
    for (var name in values) {
      var word = dateWord(name);
      if (word) wordRanges[name] = dateRange({ when: word });
    }
    return function (item) {
      if (item.start && !meets(item, range)) return false;
      for (var name in values) {
        if (name === "q" || name === "when" || name === "start" || name === "end") continue;
        if ((item.facets[name] || []).indexOf(values[name]) !== -1) continue;
        if (!(wordRanges[name] && item.start && meets(item, wordRanges[name]))) return false;
      }
      return !words.length || words.every(function (word) { return item.folded.indexOf(word) !== -1; });
    };
  }

  function oncePerGroup(kept) {
    var chosen = {};
    kept.forEach(function (item, index) {
      var at = chosen[item.group];
      if (item.group && (at === undefined || (kept[at].fallback && !item.fallback))) {
        chosen[item.group] = index;
      }
    });
    return kept.filter(function (item, index) {
      return !item.group || chosen[item.group] === index;
    });
  }

  function draw() {
    results.innerHTML = shown.slice(0, limit).map(function (item) { return item.html; }).join("");
    if (more) more.hidden = shown.length <= limit;
  }

  function render() {
    var values = chosen();
    shown = oncePerGroup(items.filter(matcher(values)));
    limit = pageSize || shown.length;
    draw();
    count.textContent = String(shown.length);
    empty.hidden = shown.length > 0;
    if (clear) clear.hidden = Object.keys(values).length === 0;
    if (pager) pager.hidden = true;
    var query = new URLSearchParams(values).toString();
    history.replaceState(null, "", query ? base + "?" + query : base);
  }

  function restore(query) {
    query.forEach(function (value, name) {
      var control = form.elements[name];
      if (!control) return;
      if (control.type === "checkbox") control.checked = control.value === value;
      else control.value = value;
    });
  }

  function load() {
    if (!loading) {
      loading = fetch(listing.getAttribute("data-items"), { headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .then(function (data) {
          items = data.items;
          items.forEach(function (item) { item.folded = fold(item.text || ""); });
          listing.classList.add("listing--instant");
        });
      // Without the JSON the form still works the plain way.
      loading.catch(function () {});
    }
    return loading;
  }

  function update() {
    load().then(render, function () {});
  }

  form.addEventListener("submit", function (event) {
    if (!items) return; // not loaded: let the server answer
    event.preventDefault();
    clearTimeout(typing);
    render();
  });
  form.addEventListener("change", update);
  form.addEventListener("input", function (event) {
    if (event.target.type !== "search" && event.target.type !== "text") return;
    clearTimeout(typing);
    typing = setTimeout(update, 300);
  });
  form.addEventListener("focusin", function () { load(); });
  if (more) {
    more.addEventListener("click", function () {
      var first = limit;
      limit += pageSize;
      draw();
      // Keyboard and screen-reader users go on from the first new result.
      var link = results.children[first] && results.children[first].querySelector("a");
      if (link) link.focus();
    });
  }

  if (window.location.search) {
    load().then(function () {
      restore(new URLSearchParams(window.location.search));
      render();
    }, function () {});
  } else if (!listing.hasAttribute("data-items-lazy")) {
    load();
  }
})();
