// Filters a listing in the browser. The page works without this: the filter form is a plain
// GET form the server answers. This script loads the listing's items as JSON (each with its
// rendered card and what it is filtered on) and applies the server's rules:
//  - a choice or a checkbox keeps the items whose facets hold the chosen value;
//  - "q" keeps the items whose text holds every word typed (case and accents ignored);
//  - "when", "start" and "end" keep the dates that are on in the chosen range, in New York
//    time; items with dates always drop the ones that are over;
//  - a filter with a date word (data-when="week") also keeps the items whose dates meet that
//    word's range (cms.core.listings.ListingFilter.when);
//  - an item with "dates" (an event's) is kept when one of its dates is, and shows at the
//    first kept date that is not a "fallback" (a cancelled date), else at the first kept: that
//    date's "html" takes the place of <!--date--> in the item's, its "class" the place of
//    <!--date-class-->, and its "order" (its place among all the listing's dates) orders the
//    items shown, as the server orders them.
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

  function meets(dates, range) {
    return dates.end > range[0] && (!range[1] || dates.start < range[1]);
  }

  // The dates an item is on: an event's "dates", else its own start and end (none: null).
  function datesOf(item) {
    return item.dates || (item.start ? [item] : null);
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
    // What the item shows as with these values ({item, date, index}), or null when they
    // leave it out.
    return function (item, index) {
      var dates = datesOf(item);
      var kept = dates && dates.filter(function (date) { return meets(date, range); });
      if (kept && !kept.length) return null;
      for (var name in values) {
        if (name === "q" || name === "when" || name === "start" || name === "end") continue;
        if ((item.facets[name] || []).indexOf(values[name]) !== -1) continue;
        var wordRange = wordRanges[name];
        if (!(wordRange && dates && dates.some(function (date) { return meets(date, wordRange); }))) {
          return null;
        }
      }
      if (!words.every(function (word) { return item.folded.indexOf(word) !== -1; })) return null;
      var date = kept && (kept.filter(function (date) { return !date.fallback; })[0] || kept[0]);
      return { item: item, date: date, index: index };
    };
  }

  // Items with dates in the order of the dates they show at; others as the JSON has them.
  function inOrder(found) {
    var place = function (entry) {
      return entry.item.dates ? entry.date.order : entry.index;
    };
    return found.sort(function (a, b) { return place(a) - place(b); });
  }

  function card(entry) {
    var item = entry.item;
    if (!item.dates) return item.html;
    // Functions, so that a "$" in the text is not read as a replacement pattern.
    return item.html
      .replace("<!--date-class-->", function () { return entry.date["class"] || ""; })
      .replace("<!--date-->", function () { return entry.date.html; });
  }

  function draw() {
    results.innerHTML = shown.slice(0, limit).map(card).join("");
    if (more) more.hidden = shown.length <= limit;
  }

  function render() {
    var values = chosen();
    shown = inOrder(items.map(matcher(values)).filter(Boolean));
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
