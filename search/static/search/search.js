// The search page as you type: results and suggestions update while the reader types
// (debounced; a newer keystroke cancels the older request), in the ARIA combobox pattern.
// Asks the live search API, or on a static site without one, the site's Pagefind index.
// Without this script the form still works: it submits to the server-rendered page.
// Pagefind costs bytes on a phone: its runtime starts loading when the box gets the focus, and
// only the results shown are fetched, a few at a time ("More results" fetches the next ones).
(() => {
  "use strict";
  const root = document.querySelector("[data-search]");
  if (!root) return;
  const input = root.querySelector("#search-q");
  const results = root.querySelector("#search-results");
  const status = root.querySelector("#search-status");
  const text = JSON.parse(document.getElementById("search-strings").textContent);
  const { apiUrl, pagefindUrl, site, lang } = root.dataset;
  const DELAY = 250;
  const PAGEFIND_STEP = 5;
  const pagefindBase = new URL(pagefindUrl, window.location.href);
  let usePagefind = !apiUrl;
  let pagefind = null; // the promise of its module, once asked for
  let controller = null;
  let timer = null;
  let active = -1;

  const list = document.createElement("ul");
  list.id = "search-suggestions";
  list.className = "search-suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", text.suggestions);
  list.hidden = true;
  input.after(list);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");

  const el = (tag, className, content) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (content) node.textContent = content;
    return node;
  };

  async function getJSON(path, params, signal) {
    const url = new URL(apiUrl + path, window.location.href);
    Object.entries(params).forEach(([key, value]) => value && url.searchParams.set(key, value));
    const response = await fetch(url, { signal, headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`search API: ${response.status}`);
    return response.json();
  }

  async function fromApi(q, signal) {
    const params = { q, site, lang };
    const [found, suggested] = await Promise.all([
      getJSON("", params, signal),
      getJSON("/autocomplete", params, signal),
    ]);
    return { count: found.count, results: found.results, suggestions: suggested };
  }

  // Pages changed since the index was built are in a small index of their own for a while;
  // its note names it and the main index's pages it replaces, left out of the results.
  async function recentChanges() {
    const response = await fetch(new URL("recent.json", pagefindBase), { cache: "no-cache" });
    return response.ok ? response.json() : {};
  }

  function loadPagefind() {
    pagefind ||= Promise.all([import(pagefindUrl), recentChanges().catch(() => ({}))]).then(
      async ([module, recent]) => {
        // Search in the page rather than in a web worker: one script fewer to download.
        await module.options({ noWorker: true });
        module.init();
        const language = document.documentElement.lang.toLowerCase();
        if (recent.languages?.includes(language)) {
          await module.mergeIndex(new URL(recent.bundle, pagefindBase).href);
        }
        return { module, replaced: new Set(recent.superseded?.[language]) };
      },
      (error) => {
        pagefind = null;
        throw error;
      },
    );
    return pagefind;
  }

  async function pagefindResults(found) {
    const pages = await Promise.all(found.map((result) => result.data()));
    return pages.map((page) => ({
      title: page.meta.title,
      url: page.url,
      summary: new DOMParser().parseFromString(page.excerpt, "text/html").body.textContent,
      type_label: "",
      age_stages: [],
    }));
  }

  async function fromPagefind(q) {
    const { module, replaced } = await loadPagefind();
    // A page in both indexes, unchanged, comes once.
    const seen = new Set();
    const found = (await module.search(q)).results.filter(
      ({ id }) => !replaced.has(id) && !seen.has(id) && seen.add(id),
    );
    const results = await pagefindResults(found.slice(0, PAGEFIND_STEP));
    return { count: found.length, results, suggestions: results, more: found.slice(PAGEFIND_STEP) };
  }

  function showSuggestions(suggestions) {
    list.replaceChildren(
      ...suggestions.map((suggestion, index) => {
        const option = el("li", "", "");
        option.id = `search-suggestion-${index}`;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.dataset.url = suggestion.url;
        option.append(el("span", "", suggestion.title));
        if (suggestion.type_label) option.append(el("small", "", suggestion.type_label));
        return option;
      }),
    );
    active = -1;
    input.removeAttribute("aria-activedescendant");
    const open = suggestions.length > 0 && document.activeElement === input;
    list.hidden = !open;
    input.setAttribute("aria-expanded", String(open));
  }

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function resultCard(result) {
    const card = el("li", "result-card");
    if (result.type_label) card.append(el("p", "result-card__type", result.type_label));
    const title = el("h3", "result-card__title");
    const link = el("a", "", result.title);
    link.href = result.url;
    title.append(link);
    card.append(title);
    if (result.summary) card.append(el("p", "result-card__summary", result.summary));
    const meta = [result.age_stages.join(", "), result.category, result.borough, result.dates].filter(Boolean);
    if (meta.length) {
      const items = el("ul", "result-card__meta");
      meta.forEach((item) => items.append(el("li", "", item)));
      card.append(items);
    }
    return card;
  }

  // The next few Pagefind results, fetched when asked for; the focus moves to the first of them.
  function moreButton(cards, more) {
    const button = document.getElementById("search-more").content.firstElementChild.cloneNode(true);
    let loading = false;
    button.addEventListener("click", async () => {
      if (loading) return;
      loading = true;
      try {
        const next = more.slice(0, PAGEFIND_STEP);
        const added = (await pagefindResults(next)).map(resultCard);
        more.splice(0, next.length);
        cards.append(...added);
        added[0].querySelector("a").focus();
        if (!more.length) button.remove();
      } catch {
        status.textContent = text.unavailable;
      } finally {
        loading = false;
      }
    });
    return button;
  }

  function showResults(found, q) {
    const heading = el("h2", "search-results__heading", found.count ? text.results.replace("%s", found.count) : text.none.replace("%s", q));
    const cards = el("ol", "search-results__list");
    cards.append(...found.results.map(resultCard));
    results.replaceChildren(heading, cards);
    if (found.more?.length) results.append(moreButton(cards, found.more));
    status.textContent = heading.textContent;
  }

  async function update(q) {
    if (controller) controller.abort();
    controller = new AbortController();
    const { signal } = controller;
    if (q.trim().length < 2) {
      close();
      return;
    }
    try {
      let found = null;
      if (!usePagefind) {
        try {
          found = await fromApi(q, signal);
        } catch (error) {
          if (error.name === "AbortError") throw error;
          usePagefind = true; // A static copy of the site without a search API.
        }
      }
      if (usePagefind) found = await fromPagefind(q);
      if (signal.aborted) return;
      showSuggestions(found.suggestions);
      showResults(found, q);
      const url = new URL(window.location.href);
      url.search = new URLSearchParams({ q }).toString();
      window.history.replaceState(null, "", url);
    } catch (error) {
      if (error.name !== "AbortError") status.textContent = text.unavailable;
    }
  }

  function move(step) {
    const options = list.querySelectorAll("[role=option]");
    if (!options.length) return;
    if (list.hidden) {
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }
    if (active >= 0) options[active].setAttribute("aria-selected", "false");
    active = (active + step + options.length) % options.length;
    options[active].setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", options[active].id);
    options[active].scrollIntoView({ block: "nearest" });
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => update(input.value), DELAY);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      move(1);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      move(-1);
    } else if (event.key === "Escape") {
      close();
    } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
      event.preventDefault();
      window.location.assign(list.querySelectorAll("[role=option]")[active].dataset.url);
    }
  });
  input.addEventListener("blur", close);
  input.addEventListener("focus", () => usePagefind && loadPagefind().catch(() => {}), { once: true });
  // Keep the focus in the box while an option is clicked.
  list.addEventListener("mousedown", (event) => event.preventDefault());
  list.addEventListener("click", (event) => {
    const option = event.target.closest("[role=option]");
    if (option) window.location.assign(option.dataset.url);
  });

  // A static page cannot search on the server: search here what the address asks for.
  if (input.value && !results.children.length) update(input.value);
})();
