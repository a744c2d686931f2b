// The search page (docs/design.md, "The HTML contract"; docs/search.md): the site's Pagefind index searched in the browser, with no server code.
// Loaded only by search.html. The query is normalized exactly as the index was (src/EditionBuilder/Search/ArabicNormalizer.cs);
// a test runs one table of cases through both. Pagefind's WebAssembly cannot load from file://, so there the page keeps its
// message that search needs the site served.
(function () {
  "use strict";

  var PAGE_SIZE = 5;
  var EXCERPT_WORDS = 26;
  // A word the build added before an author's word that Pagefind does not fold (Search/SearchDocument.cs): indexed, never shown.
  var COPY_MARK = "\u2063";

  // Alef forms -> alef, alef maksura -> yeh, a word-final heh -> teh marbuta; tatweel and diacritics removed; Arabic-Indic
  // digits -> 0-9. "" is a removed character.
  function mapChar(code) {
    if (code === 0x0623 || code === 0x0625 || code === 0x0622 || code === 0x0671) return "\u0627";
    if (code === 0x0649) return "\u064A";
    if (code === 0x0640) return "";
    if (code >= 0x064B && code <= 0x065F) return "";
    if (code === 0x0670) return "";
    if (code >= 0x0610 && code <= 0x061A) return "";
    if (code >= 0x06D6 && code <= 0x06ED && code !== 0x06DE && code !== 0x06E9) return "";
    if (code >= 0x0660 && code <= 0x0669) return String.fromCharCode(48 + code - 0x0660);
    if (code >= 0x06F0 && code <= 0x06F9) return String.fromCharCode(48 + code - 0x06F0);
    return String.fromCharCode(code);
  }

  function isArabicLetter(c) {
    var code = c.charCodeAt(0);
    return (code >= 0x0621 && code <= 0x064A) || (code >= 0x066E && code <= 0x06D3) || code === 0x06D5 || (code >= 0x06FA && code <= 0x06FF);
  }

  function endsWord(text, from) {
    for (var i = from; i < text.length; i++) {
      var next = mapChar(text.charCodeAt(i));
      if (next === "") continue;
      return !isArabicLetter(next);
    }
    return true;
  }

  function normalize(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var mapped = mapChar(text.charCodeAt(i));
      out += mapped === "\u0647" && endsWord(text, i + 1) ? "\u0629" : mapped;
    }
    return out;
  }

  window.EditionSearch = { normalize: normalize };

  var form = document.getElementById("search-form");
  if (!form) return;
  var unavailable = document.getElementById("search-unavailable");
  if (location.protocol !== "http:" && location.protocol !== "https:") return;

  var input = document.getElementById("search-query");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var strings = form.dataset;
  var root = new URL("../", document.currentScript.src).href;
  var bundle = root + "pagefind/";
  var loading = null;
  var current = { id: 0, results: [], shown: 0 };

  unavailable.hidden = true;
  form.hidden = false;

  function format(template) {
    var args = arguments;
    return template.replace(/\{(\d)\}/g, function (_, n) { return args[Number(n) + 1]; });
  }

  // Pagefind's own module over the first shard's Arabic index, with every other index merged in: the first shard's other
  // languages, then each further shard's languages (pagefind/shards.json lists them; Search/SearchShards.cs). One query
  // searches every language and shard; Pagefind loads its WebAssembly once, from the first shard (the bundle's root).
  function pagefind() {
    if (!loading) {
      loading = import(bundle + "pagefind.js").then(function (module) {
        // Result addresses are the site's paths under the site's own path on the server (baseUrl), so the site works from any sub-path.
        return module.options({ basePath: bundle, baseUrl: new URL(root).pathname, noWorker: true, excerptLength: 0 }).then(function () {
          return fetch(bundle + "shards.json");
        }).then(function (response) {
          return response.json();
        }).then(function (manifest) {
          var merges = [];
          manifest.shards.forEach(function (shard, at) {
            shard.languages.forEach(function (lang) {
              if (at > 0 || lang !== "ar") merges.push({ path: bundle + shard.path, lang: lang });
            });
          });
          // All asked for at once (a shard's metadata is a round trip); Pagefind keeps its indexes in the order mergeIndex was
          // called, which orders results of equal score.
          return Promise.all(merges.map(function (merge) {
            return module.mergeIndex(merge.path, { language: merge.lang, baseUrl: new URL(root).pathname });
          }));
        }).then(function () { return module; });
      });
      loading.catch(function () { loading = null; });
    }

    return loading;
  }

  function run(query) {
    var id = ++current.id;
    var term = normalize(query).trim();
    list.textContent = "";
    more.hidden = true;
    if (!term) {
      status.textContent = "";
      return;
    }

    status.textContent = strings.searching;
    list.setAttribute("aria-busy", "true");
    pagefind().then(function (module) {
      return module.search(term);
    }).then(function (search) {
      if (id !== current.id || !search) return;
      current = { id: id, results: search.results, shown: 0, query: query.trim() };
      // Latin digits, as every other page writes its numbers (paragraph numbers, dates, pages).
      status.textContent = search.results.length
        ? format(strings.results, String(search.results.length), current.query)
        : format(strings.noResults, current.query);
      return showMore();
    }).catch(function () {
      if (id === current.id) status.textContent = strings.failed;
    }).then(function () {
      if (id === current.id) list.removeAttribute("aria-busy");
    });
  }

  function showMore() {
    var batch = current.results.slice(current.shown, current.shown + PAGE_SIZE);
    var id = current.id;
    current.shown += batch.length;
    more.hidden = true;
    return Promise.all(batch.map(function (result) { return result.data(); })).then(function (pages) {
      if (id !== current.id) return;
      pages.forEach(function (page) { list.appendChild(item(page)); });
      more.hidden = current.shown >= current.results.length;
    });
  }

  // The word positions Pagefind gives count the page's text split on white space, copies included.
  function item(page) {
    var words = page.content.split(/\s+/);
    var matches = {};
    (page.locations || []).forEach(function (at) { matches[original(words, at)] = true; });
    var best = bestLocation(page, words);
    var anchor = anchorFor(page.anchors || [], best);
    var lang = (page.meta && page.meta.lang) || "ar";

    var li = document.createElement("li");
    li.lang = lang;
    li.dir = lang === "ar" ? "rtl" : "ltr";
    var link = document.createElement("a");
    link.href = page.url + (anchor ? "#" + anchor.id : "");
    link.className = "result-title";
    link.textContent = authors((page.meta && page.meta.title) || page.url);
    li.appendChild(link);

    var where = [];
    if (page.meta && page.meta.article) where.push(authors(page.meta.article));
    var place = anchor && placeOf(anchor.id);
    if (place) where.push(place);
    if (where.length) {
      var context = document.createElement("p");
      context.className = "result-place";
      context.lang = "ar";
      context.dir = "rtl";
      context.textContent = where.join(" · ");
      li.appendChild(context);
    }

    li.appendChild(excerpt(words, best, matches));
    return li;
  }

  // A text as the author wrote it, without the index's copies.
  function authors(text) {
    return text.split(/\s+/).filter(function (word) { return word.charAt(0) !== COPY_MARK; }).join(" ");
  }

  // A copy's position counts as its author's word, just after it.
  function original(words, at) {
    return words[at] && words[at].charAt(0) === COPY_MARK && at + 1 < words.length ? at + 1 : at;
  }

  // The best-scoring match in a paragraph or a note, so the result opens at that paragraph; a match in a heading only when there is no other.
  function bestLocation(page, words) {
    var anchors = page.anchors || [];
    var best = null;
    var bestInText = null;
    (page.weighted_locations || []).forEach(function (w) {
      if (!best || w.balanced_score > best.balanced_score) best = w;
      var anchor = anchorFor(anchors, original(words, w.location));
      if (anchor && !/^chapter-/.test(anchor.id) && (!bestInText || w.balanced_score > bestInText.balanced_score)) bestInText = w;
    });
    var chosen = bestInText || best;
    var at = chosen ? chosen.location : (page.locations && page.locations.length ? page.locations[0] : 0);
    return original(words, at);
  }

  // The paragraph, note or heading that holds a word: the last of them that starts at or before it.
  function anchorFor(anchors, at) {
    var found = null;
    anchors.forEach(function (anchor) {
      if (anchor.element === "a" || !/^(p-\d+-\d+|fn-\d+|en-\d+|chapter-\d+)$/.test(anchor.id)) return;
      if (anchor.location <= at && (!found || anchor.location >= found.location)) found = anchor;
    });
    return found;
  }

  function placeOf(id) {
    var paragraph = /^p-(\d+)-(\d+)$/.exec(id);
    if (paragraph) return format(strings.paragraph, paragraph[1] + "." + paragraph[2]);
    var note = /^(?:fn|en)-(\d+)$/.exec(id);
    return note ? format(strings.note, note[1]) : "";
  }

  function excerpt(words, at, matches) {
    var p = document.createElement("p");
    p.className = "excerpt";
    var start = Math.max(0, at - Math.floor(EXCERPT_WORDS / 3));
    var end = Math.min(words.length, start + EXCERPT_WORDS);
    if (start > 0) p.appendChild(document.createTextNode("… "));
    for (var i = start; i < end; i++) {
      var word = words[i];
      if (!word || word.charAt(0) === COPY_MARK) continue;
      if (matches[i]) {
        var mark = document.createElement("mark");
        mark.textContent = word;
        p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(word));
      }
      p.appendChild(document.createTextNode(" "));
    }
    if (end < words.length) p.appendChild(document.createTextNode("…"));
    return p;
  }

  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { remember(input.value); run(input.value); }, 250);
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    remember(input.value);
    run(input.value);
  });

  more.addEventListener("click", function () {
    var first = list.children.length;
    showMore().then(function () {
      var next = list.children[first];
      if (next) next.querySelector("a").focus();
    });
  });

  // The query is kept in the address (search.html?q=…), so a search can be shared, reloaded or reached with Back.
  function remember(query) {
    var url = new URL(location.href);
    if (query.trim()) url.searchParams.set("q", query.trim());
    else url.searchParams.delete("q");
    history.replaceState(null, "", url.href);
  }

  var initial = new URL(location.href).searchParams.get("q");
  if (initial) {
    input.value = initial;
    run(initial);
  }
})();
