// The search page as you type: results and suggestions update while the reader types
// (debounced; a newer keystroke cancels the older request), in the ARIA combobox pattern.
// Asks the live search API, or on a static site without one, the site's Pagefind index.
// Without this script the form still works: it submits to the server-rendered page.
// A static copy cannot answer `?q=`: there the script reads the query from the address, and
// Enter and the Search button search in place. The query stays in the box and in the address;
// typing changes the address in place, a search asked for with Enter or the button is kept in
// the history, and Back and Forward show the query of their address again.
// Pagefind costs bytes on a phone: its runtime starts loading when the box gets the focus, and
// only the results shown are fetched, a few at a time ("More results" fetches the next ones).
// Without the API the script does what the query service does (search/service.py): it applies
// the editors' synonyms and corrections that the page carries (a synonym's official words are
// searched too, a correction replaces the typed words and says so), and when little is found,
// picks "did you mean" from the site's words (words.json beside the page, fetched then only).
(() => {
  "use strict";
  const root = document.querySelector("[data-search]");
  if (!root) return;
  const form = root.querySelector("form");
  const input = root.querySelector("#search-q");
  const results = root.querySelector("#search-results");
  const status = root.querySelector("#search-status");
  const text = JSON.parse(document.getElementById("search-strings").textContent);
  const { apiUrl, pagefindUrl, site, lang, wordsUrl } = root.dataset;
  const staticCopy = "static" in root.dataset;
  const rules = JSON.parse(document.getElementById("search-rules")?.textContent ?? "[]");
  const DELAY = 250;
  const PAGEFIND_STEP = 5;
  const FEW = 3; // fewer results than this: "did you mean", and pages with any of the words
  const pagefindBase = new URL(pagefindUrl, window.location.href);
  let usePagefind = !apiUrl;
  let pagefind = null; // the promise of its module, once asked for
  let controller = null;
  let timer = null;
  let active = -1;
  let shownQuery = null; // the query of the results shown by this script
  let knownWords = null; // the promise of the site's words, once needed

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

  // What people type, compared as search/text.py compares it: lower case without accents,
  // whole words and phrases.
  const WORD = /[\p{L}\p{N}_]+/gu;
  const fold = (value) => value.toLowerCase().normalize("NFKD").replace(/\p{Mn}/gu, "");
  const words = (value) => value.match(WORD) ?? [];
  const clean = (value) =>
    value.replace(/\p{C}/gu, " ").replace(/["'()*:^{}[\]<>+~\\]/g, " ").split(/\s+/).filter(Boolean).join(" ");
  const phrasePattern = (phrase) =>
    new RegExp(`(?<![\\p{L}\\p{N}_])${phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}_])`, "gu");

  // The editors' rules applied to the typed words, as service.rewrite() applies them.
  function rewrite(q) {
    const text = clean(q);
    let folded = fold(text);
    const alternatives = [];
    let corrected = false;
    for (const rule of rules) {
      for (const phrase of rule.phrases.map(fold)) {
        if (!phrasePattern(phrase).test(folded)) continue;
        if (rule.correction) {
          folded = folded.replace(phrasePattern(phrase), () => rule.official);
          corrected = true;
        } else {
          alternatives.push(rule.official);
        }
      }
    }
    return { text: corrected ? clean(folded) : text, alternatives, corrected };
  }

  // How many characters two words share, as Python's difflib.SequenceMatcher counts them.
  function matchingCharacters(a, b) {
    const positions = new Map();
    b.forEach((char, j) => positions.set(char, [...(positions.get(char) ?? []), j]));
    let matched = 0;
    const queue = [[0, a.length, 0, b.length]];
    while (queue.length) {
      const [alo, ahi, blo, bhi] = queue.pop();
      let [besti, bestj, size] = [alo, blo, 0];
      let lengths = new Map();
      for (let i = alo; i < ahi; i++) {
        const next = new Map();
        for (const j of positions.get(a[i]) ?? []) {
          if (j < blo) continue;
          if (j >= bhi) break;
          const k = (lengths.get(j - 1) ?? 0) + 1;
          next.set(j, k);
          if (k > size) [besti, bestj, size] = [i - k + 1, j - k + 1, k];
        }
        lengths = next;
      }
      if (!size) continue;
      matched += size;
      if (alo < besti && blo < bestj) queue.push([alo, besti, blo, bestj]);
      if (besti + size < ahi && bestj + size < bhi) queue.push([besti + size, ahi, bestj + size, bhi]);
    }
    return matched;
  }

  // The known word most like `word`, at least 75% alike (difflib.get_close_matches), or "".
  function closestWord(word, known) {
    const typed = [...word];
    let best = "";
    let bestRatio = 0.75;
    for (const candidate of known) {
      const chars = [...candidate];
      const total = chars.length + typed.length;
      if ((2 * Math.min(chars.length, typed.length)) / total < bestRatio) continue;
      const ratio = (2 * matchingCharacters(chars, typed)) / total;
      if (ratio > bestRatio || (ratio === bestRatio && (!best || candidate > best))) {
        [best, bestRatio] = [candidate, ratio];
      }
    }
    return best;
  }

  function siteWords() {
    knownWords ||= fetch(wordsUrl).then(
      (response) => (response.ok ? response.json() : []),
      () => {
        knownWords = null;
        return [];
      },
    );
    return knownWords;
  }

  // The typed words with each unknown one replaced by the closest known one, or "", as
  // service.spelling_suggestion() does.
  async function spellingSuggestion(text) {
    const known = await siteWords();
    const knownSet = new Set(known);
    let changed = false;
    const suggested = words(fold(text)).map((word) => {
      if ([...word].length <= 2 || knownSet.has(word)) return word;
      const close = closestWord(word, known);
      if (!close) return word;
      changed = true;
      return close;
    });
    return changed ? suggested.join(" ") : "";
  }

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
    return {
      count: found.count,
      results: found.results,
      suggestions: suggested,
      searchedFor: found.searched_for,
    };
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

  // The pages matching `texts`, each once, ranked as the query service ranks them: Pagefind
  // finds pages with any of the words, so each word is searched too. The pages with all the
  // words of a text (`all`) come first, best score first; then the others, by the sum of their
  // words' scores, as the service's "any of the words" query adds them up: a rare word, or one
  // in a title, counts for more than a common one.
  async function pagefindMatches({ module, replaced }, texts) {
    const pages = new Map();
    for (const text of texts.filter((t) => t.trim())) {
      const terms = [...new Set(words(text))];
      const each = terms.length > 1 ? terms : [];
      const [whole, ...perTerm] = await Promise.all([text, ...each].map((t) => module.search(t)));
      const covered = new Map();
      perTerm.forEach(({ results }) =>
        results.forEach(({ id, score }) => {
          const [count, sum] = covered.get(id) ?? [0, 0];
          covered.set(id, [count + 1, sum + score]);
        }),
      );
      for (const result of [whole, ...perTerm].flatMap(({ results }) => results)) {
        // A page in both indexes, unchanged, comes once; one changed, in its new version.
        if (replaced.has(result.id)) continue;
        const [count, sum] = covered.get(result.id) ?? [0, 0];
        const all = !each.length || count === each.length;
        const score = all ? result.score : sum;
        const known = pages.get(result.id);
        if (!known || (all && !known.all) || (all === known.all && score > known.score)) {
          pages.set(result.id, { result, all, score });
        }
      }
    }
    return [...pages.values()]
      .sort((a, b) => b.all - a.all || b.score - a.score)
      .map(({ result, all }) => Object.assign(result, { all }));
  }

  // What service.candidates() finds: the pages with all the words (or the official ones); when
  // there are none, with the closest known spelling instead; when there are few, pages with
  // any of the words after them, and the closest known spelling offered.
  async function fromPagefind(q) {
    const index = await loadPagefind();
    const rewritten = rewrite(q);
    const texts = [rewritten.text, ...rewritten.alternatives];
    const matches = await pagefindMatches(index, texts);
    let found = matches.filter(({ all }) => all);
    let [corrected, offered] = ["", ""];
    if (found.length < FEW && rewritten.text) {
      const suggestion = await spellingSuggestion(rewritten.text);
      if (suggestion && !found.length) {
        found = (await pagefindMatches(index, [suggestion, ...rewritten.alternatives])).filter(({ all }) => all);
        if (found.length) corrected = suggestion;
      } else if (suggestion) {
        offered = suggestion;
      }
    }
    if (found.length < FEW && words(rewritten.text).length > 1) {
      const ids = new Set(found.map(({ id }) => id));
      found = found.concat(matches.filter(({ id }) => !ids.has(id)));
    }
    const results = await pagefindResults(found.slice(0, PAGEFIND_STEP));
    return {
      count: found.length,
      results,
      suggestions: results,
      more: found.slice(PAGEFIND_STEP),
      searchedFor: corrected || (rewritten.corrected ? rewritten.text : ""),
      offered,
    };
  }

  function showSuggestions(suggestions) {
    list.replaceChildren(
      ...suggestions.map((suggestion, index) => {
        const option = el("li", "", "");
        option.id = `search-suggestion-${index}`;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.dataset.url = suggestion.url;
        const title = el("span", "", suggestion.title);
        title.dir = "auto";
        option.append(title);
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
    // A page not translated yet is found in English: its title and summary read left to right
    // on an Arabic or Urdu page, punctuation where it belongs.
    link.dir = "auto";
    title.append(link);
    card.append(title);
    if (result.summary) {
      const summary = el("p", "result-card__summary", result.summary);
      summary.dir = "auto";
      card.append(summary);
    }
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

  // "Showing results for ..." or "Did you mean ...?", from the page's templates.
  function note(id, query) {
    const paragraph = document.getElementById(id).content.firstElementChild.cloneNode(true);
    const place = paragraph.querySelector("strong, a");
    place.textContent = query;
    if (place.tagName === "A") {
      place.href = `?${new URLSearchParams({ q: query })}`;
      place.addEventListener("click", (event) => {
        if (!staticCopy) return;
        event.preventDefault();
        input.value = query;
        input.focus();
        update(query, "submitted");
      });
    }
    return paragraph;
  }

  function showResults(found, q) {
    const heading = el("h2", "search-results__heading", found.count ? text.results.replace("%s", found.count) : text.none.replace("%s", q));
    const cards = el("ol", "search-results__list");
    cards.append(...found.results.map(resultCard));
    results.replaceChildren(heading, cards);
    if (found.offered) heading.before(note("search-did-you-mean", found.offered));
    if (found.searchedFor) heading.before(note("search-correction", found.searchedFor));
    if (found.more?.length) results.append(moreButton(cards, found.more));
    status.textContent = heading.textContent;
  }

  const queryOf = (address) => new URL(address).searchParams.get("q") ?? "";

  // The history entry of what is shown: a search typed replaces its own entry (the first
  // keystrokes after a submitted search get a new one, so Back finds that search again);
  // a submitted one is kept; one shown for Back or Forward, or for the address, leaves it.
  function remember(q, how) {
    if (how === "history") return;
    const url = new URL(window.location.href);
    url.search = new URLSearchParams({ q }).toString();
    const typing = how === "typed";
    if (window.history.state?.typing) {
      window.history.replaceState({ typing }, "", url);
    } else if (url.href === window.location.href) {
      window.history.replaceState({ typing: false }, "", url);
    } else if (how === "typed" || how === "submitted") {
      window.history.pushState({ typing }, "", url);
    }
  }

  function clearResults() {
    results.replaceChildren();
    status.textContent = "";
    shownQuery = null;
  }

  async function update(q, how = "typed") {
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
      if (how === "typed") showSuggestions(found.suggestions);
      else close();
      showResults(found, q);
      shownQuery = q;
      remember(q, how);
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

  // Enter or the Search button: the static copy searches in place, the live site submits to
  // its server-rendered page (facets and pages of results). An option chosen with the arrow
  // keys is opened by the keydown handler instead.
  form.addEventListener("submit", (event) => {
    if (!staticCopy) return;
    event.preventDefault();
    clearTimeout(timer);
    close();
    update(input.value, "submitted");
  });

  // Back and Forward: the query of the address, searched again.
  window.addEventListener("popstate", () => {
    clearTimeout(timer);
    const q = queryOf(window.location.href);
    if (q === shownQuery) return; // a link to #main, say, in the same search
    input.value = q;
    if (q.trim().length < 2) {
      if (controller) controller.abort();
      close();
      clearResults();
    } else {
      update(q, "history");
    }
  });

  // A static page cannot search on the server: search here what the address asks for.
  if (!input.value) input.value = queryOf(window.location.href);
  if (input.value && !results.children.length) update(input.value, "address");
})();
