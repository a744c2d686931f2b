// The search page (docs/search.md): the site's own index (search/, "The index format") searched in the browser with no
// server code, or Pagefind's (pagefind/) when the site was built with --search-engine pagefind (the form's data-engine).
// Loaded only by search.html. Queries go through the index's own steps (src/EditionBuilder/Search/ArabicNormalizer.cs and
// SearchTokens.cs); tests run one table of cases through both. The edition index loads as plain scripts, so it works from
// file:// too; Pagefind's WebAssembly cannot, so with Pagefind the page keeps its message that search needs the site served.
(function () {
  "use strict";

  var PAGE_SIZE = 5;
  var EXCERPT_WORDS = 26;
  var MAX_CHUNKS = 4;
  var TIMEOUT = 30000;
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

  // Words: runs of letters and numbers (SearchTokens.Words reads the same Unicode categories, by code point).
  var WORD = /[\p{L}\p{N}]+/gu;
  var PREFIXES = ["\u0648\u0627\u0644", "\u0628\u0627\u0644", "\u0643\u0627\u0644", "\u0641\u0627\u0644", "\u0644\u0644", "\u0627\u0644"];
  var SUFFIXES = ["\u0647\u0627", "\u0627\u0646", "\u0627\u062A", "\u0648\u0646", "\u064A\u0646", "\u064A\u0629", "\u0629", "\u064A"];

  // Light stemming after Larkey's light10, for words holding an Arabic letter (the contract's step 4).
  function stem(word) {
    if (!/[\u0621-\u064A]/.test(word)) return word;
    if (word.charAt(0) === "\u0648" && word.length >= 4) word = word.slice(1);
    for (var i = 0; i < PREFIXES.length; i++) {
      if (word.indexOf(PREFIXES[i]) === 0) {
        if (word.length - PREFIXES[i].length >= 2) word = word.slice(PREFIXES[i].length);
        break;
      }
    }
    SUFFIXES.forEach(function (suffix) {
      if (word.length - suffix.length >= 2 && word.slice(-suffix.length) === suffix) word = word.slice(0, -suffix.length);
    });
    return word;
  }

  // A text's index terms: normalized, lowercased, Latin accents folded, cut into words, stemmed.
  function terms(text) {
    var folded = normalize(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036F]/g, "").normalize("NFC");
    return (folded.match(WORD) || []).map(stem);
  }

  // An index term matches a query word when it is the word, or (for a word of 2 letters or more) starts with it.
  function matchOf(term, word, exactOnly) {
    if (term === word) return 1;
    return !exactOnly && word.length >= 2 && term.lastIndexOf(word, 0) === 0 ? 0.5 : 0;
  }

  var waiting = {};
  window.EditionSearch = {
    normalize: normalize,
    terms: terms,
    // Each index file is one call of this (search/index.js, search/c/<i>.js, search/f/<page>.js).
    data: function (name, json) {
      if (waiting[name]) waiting[name](json);
    },
  };

  var form = document.getElementById("search-form");
  if (!form) return;
  var strings = form.dataset;
  var pagefindEngine = strings.engine === "pagefind";
  if (pagefindEngine && location.protocol !== "http:" && location.protocol !== "https:") return;

  var input = document.getElementById("search-query");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var root = new URL("../", document.currentScript.src).href;
  var current = { id: 0, results: [], shown: 0 };

  document.getElementById("search-unavailable").hidden = true;
  form.hidden = false;

  function format(template) {
    var args = arguments;
    return template.replace(/\{(\d)\}/g, function (_, n) { return args[Number(n) + 1]; });
  }

  // --- The edition index: plain scripts, each calling EditionSearch.data(name, json) ---

  var loaded = {};
  var manifest = null;

  // One index file by a <script> element (no fetch: works from file:// and under the page's script-src 'self'); a failed,
  // silent or slow file rejects and is asked for again next time.
  function load(name, query) {
    if (!loaded[name]) {
      loaded[name] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        var timer = setTimeout(fail, TIMEOUT);
        function done() {
          clearTimeout(timer);
          delete waiting[name];
          script.remove();
        }
        function fail() {
          done();
          delete loaded[name];
          reject(new Error(name));
        }
        waiting[name] = function (json) { done(); resolve(json); };
        script.onerror = fail;
        // A script runs before its load event: loaded without its call means it is not an index file.
        script.onload = function () { if (waiting[name]) fail(); };
        script.src = root + "search/" + name + ".js?" + query;
        document.head.appendChild(script);
      });
    }

    return loaded[name];
  }

  function index() {
    if (!manifest) {
      manifest = load("index", "t=" + Date.now());
      manifest.catch(function () { manifest = null; });
    }
    return manifest;
  }

  // The chunk whose range holds the word, then the next ones while their first term starts with it (its terms by prefix);
  // more than MAX_CHUNKS of them: that chunk alone, exact matches only.
  function plan(first, word) {
    var at = 0;
    while (at + 1 < first.length && first[at + 1] <= word) at++;
    var chunks = [at];
    for (var next = at + 1; word.length >= 2 && next < first.length && first[next].lastIndexOf(word, 0) === 0; next++) chunks.push(next);
    var exactOnly = chunks.length > MAX_CHUNKS;
    return { word: word, exactOnly: exactOnly, chunks: exactOnly ? [at] : chunks };
  }

  function editionSearch(query) {
    var words = terms(query).filter(function (word, i, all) { return all.indexOf(word) === i; });
    if (!words.length) return Promise.resolve([]);
    return index().then(function (manifestData) {
      if (!manifestData.c.length) return [];
      var plans = words.map(function (word) { return plan(manifestData.c, word); });
      var chunks = {};
      plans.forEach(function (p) { p.chunks.forEach(function (i) { chunks["c/" + i] = true; }); });
      return Promise.all(Object.keys(chunks).map(function (name) {
        return load(name, "k=" + manifestData.k).then(function (chunk) { chunks[name] = chunk; });
      })).then(function () {
        return rank(manifestData, plans, chunks);
      });
    });
  }

  // Score = the sum over query words of idf(df) × the best weight/255 × (1 exact, 0.5 prefix) among the word's terms, df the
  // pages the word matches in any of its terms (so a rare form found by prefix cannot outrank the word itself, as a term's
  // own df would let it); a page must match every word.
  function rank(manifestData, plans, chunks) {
    var n = manifestData.n;
    var scores = null;
    plans.forEach(function (wordPlan) {
      var best = {};
      var df = 0;
      wordPlan.chunks.forEach(function (i) {
        var chunk = chunks["c/" + i];
        Object.keys(chunk).forEach(function (term) {
          var factor = matchOf(term, wordPlan.word, wordPlan.exactOnly);
          if (!factor) return;
          var postings = chunk[term];
          for (var j = 0, page = 0; j < postings.length; j += 2) {
            page = j === 0 ? postings[0] : page + postings[j];
            var score = postings[j + 1] / 255 * factor;
            if (!(page in best)) df++;
            if (!(best[page] >= score)) best[page] = score;
          }
        });
      });
      var idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      Object.keys(best).forEach(function (page) { best[page] *= idf; });
      if (scores === null) {
        scores = best;
        return;
      }
      var both = {};
      Object.keys(scores).forEach(function (page) { if (page in best) both[page] = scores[page] + best[page]; });
      scores = both;
    });

    var pages = Object.keys(scores || {}).map(Number);
    pages.sort(function (a, b) { return scores[b] - scores[a] || a - b; });
    return pages.map(function (page) {
      return function () {
        return load("f/" + page, "k=" + manifestData.k).then(function (fragment) { return editionItem(fragment, plans); });
      };
    });
  }

  // The text's words and what lies between them, each word with whether its terms match a query word.
  function tokens(text, plans) {
    return (text.match(/[\p{L}\p{N}\p{M}\u0640]+|[^\p{L}\p{N}\p{M}\u0640]+/gu) || []).map(function (piece) {
      var word = /^[\p{L}\p{N}\p{M}\u0640]/u.test(piece);
      var hits = [];
      if (word) {
        terms(piece).forEach(function (term) {
          plans.forEach(function (p, i) { if (matchOf(term, p.word, p.exactOnly) && hits.indexOf(i) < 0) hits.push(i); });
        });
      }
      return { text: piece, word: word, hits: hits };
    });
  }

  // The result opens at the block holding the most query words (then the most matches), the first such; the page's own
  // title (shown as the result's title) only when no other block matches as well.
  function editionItem(fragment, plans) {
    var best = null;
    fragment.b.forEach(function (block) {
      var pieces = tokens(block[1], plans);
      var found = [];
      var count = 0;
      pieces.forEach(function (piece) {
        count += piece.hits.length ? 1 : 0;
        piece.hits.forEach(function (i) { if (found.indexOf(i) < 0) found.push(i); });
      });
      var rankOf = found.length * 1e6 + count * 2 + (block[1] === fragment.t ? 0 : 1);
      if (count && (!best || rankOf > best.rank)) best = { rank: rankOf, anchor: block[0], pieces: pieces };
    });
    if (!best) best = { anchor: "", pieces: tokens(fragment.b.length ? fragment.b[0][1] : "", plans) };

    var excerpt = [];
    var wordsSeen = 0;
    var firstHit = -1;
    best.pieces.forEach(function (piece, i) { if (firstHit < 0 && piece.hits.length) firstHit = i; });
    var start = 0;
    // About a third of the excerpt before the first match.
    for (var back = Math.max(firstHit, 0), before = 0; back > 0 && before < Math.floor(EXCERPT_WORDS / 3); back--) {
      if (best.pieces[back - 1].word) before++;
      start = back - 1;
    }
    var end = start;
    for (; end < best.pieces.length && wordsSeen < EXCERPT_WORDS; end++) {
      if (best.pieces[end].word) wordsSeen++;
      excerpt.push(best.pieces[end]);
    }
    return item(fragment.u + (best.anchor ? "#" + best.anchor : ""), fragment.l, fragment.t || fragment.u, fragment.a, best.anchor,
      excerpt, start > 0, end < best.pieces.length);
  }

  // --- Pagefind (--search-engine pagefind) ---

  var bundle = root + "pagefind/";
  var loading = null;

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
        }).then(function (shards) {
          var merges = [];
          shards.shards.forEach(function (shard, at) {
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

  function pagefindSearch(query) {
    return pagefind().then(function (module) {
      return module.search(normalize(query).trim());
    }).then(function (search) {
      return search.results.map(function (result) {
        return function () { return result.data().then(pagefindItem); };
      });
    });
  }

  // The word positions Pagefind gives count the page's text split on white space, copies included.
  function pagefindItem(page) {
    var words = page.content.split(/\s+/);
    var matches = {};
    (page.locations || []).forEach(function (at) { matches[original(words, at)] = true; });
    var best = bestLocation(page, words);
    var anchor = anchorFor(page.anchors || [], best);
    var start = Math.max(0, best - Math.floor(EXCERPT_WORDS / 3));
    var end = Math.min(words.length, start + EXCERPT_WORDS);
    var pieces = [];
    for (var i = start; i < end; i++) {
      if (!words[i] || words[i].charAt(0) === COPY_MARK) continue;
      pieces.push({ text: words[i], word: true, hits: matches[i] ? [0] : [] }, { text: " " });
    }
    return item(page.url + (anchor ? "#" + anchor.id : ""), (page.meta && page.meta.lang) || "ar",
      authors((page.meta && page.meta.title) || page.url), page.meta && page.meta.article ? authors(page.meta.article) : "",
      anchor ? anchor.id : "", pieces, start > 0, end < words.length);
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

  // --- The results, whichever engine found them ---

  // One result: its title linked, its article and place, and an excerpt whose matched words are marked (text nodes only:
  // the index's text is never read as HTML).
  function item(href, lang, title, article, anchor, pieces, cutBefore, cutAfter) {
    var li = document.createElement("li");
    li.lang = lang;
    li.dir = lang === "ar" ? "rtl" : "ltr";
    var link = document.createElement("a");
    link.href = new URL(href, root).href;
    link.className = "result-title";
    link.textContent = title;
    li.appendChild(link);

    var where = [];
    if (article) where.push(article);
    var place = placeOf(anchor);
    if (place) where.push(place);
    if (where.length) {
      var context = document.createElement("p");
      context.className = "result-place";
      context.lang = "ar";
      context.dir = "rtl";
      context.textContent = where.join(" · ");
      li.appendChild(context);
    }

    var p = document.createElement("p");
    p.className = "excerpt";
    if (cutBefore) p.appendChild(document.createTextNode("… "));
    pieces.forEach(function (piece) {
      if (piece.hits && piece.hits.length) p.appendChild(document.createElement("mark")).textContent = piece.text;
      else p.appendChild(document.createTextNode(piece.text));
    });
    if (cutAfter) p.appendChild(document.createTextNode(" …"));
    li.appendChild(p);
    return li;
  }

  function placeOf(id) {
    var paragraph = /^p-(\d+)-(\d+)$/.exec(id);
    if (paragraph) return format(strings.paragraph, paragraph[1] + "." + paragraph[2]);
    var note = /^(?:fn|en)-(\d+)$/.exec(id);
    return note ? format(strings.note, note[1]) : "";
  }

  function run(query) {
    var id = ++current.id;
    list.textContent = "";
    more.hidden = true;
    if (!normalize(query).trim()) {
      status.textContent = "";
      return;
    }

    status.textContent = strings.searching;
    list.setAttribute("aria-busy", "true");
    (pagefindEngine ? pagefindSearch(query) : editionSearch(query)).then(function (results) {
      if (id !== current.id) return;
      current = { id: id, results: results, shown: 0, query: query.trim() };
      // Latin digits, as every other page writes its numbers (paragraph numbers, dates, pages).
      // The query isolated (FSI … PDI), so a Latin query keeps its place in the Arabic sentence: «Obama»: 3, not 3 :«Obama.
      var shown = "\u2068" + current.query + "\u2069";
      status.textContent = results.length
        ? format(strings.results, String(results.length), shown)
        : format(strings.noResults, shown);
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
    return Promise.all(batch.map(function (result) { return result(); })).then(function (items) {
      if (id !== current.id) return;
      items.forEach(function (li) { list.appendChild(li); });
      more.hidden = current.shown >= current.results.length;
    });
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
    }).catch(function () {
      status.textContent = strings.failed;
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
