/* Progressive enhancements. Without this script every page is complete: the timeline
   lists every event in order; a citation links to the paragraph it cites, and the page's
   reference list quotes that paragraph and gives our translation. The script adds the
   timeline's filter, citation previews, search, the translation toggle, and keeps the
   reader's place when the language is switched. */
(function () {
  "use strict";

  // This script lives at <site>/assets/briefing.js: the site's root and Pagefind's bundle.
  var here = document.currentScript ? document.currentScript.src : location.href;
  var siteRoot = new URL("../", here);

  // Timeline: narrow the list to one actor; hide years left empty.
  function setUpFilter(tools) {
    var select = tools.querySelector("select");
    var output = tools.querySelector("output");
    var events = Array.prototype.slice.call(document.querySelectorAll(".bf-event"));
    tools.hidden = false;
    select.addEventListener("change", function () {
      var actor = select.value;
      var shown = 0;
      events.forEach(function (event) {
        var match = !actor || event.dataset.actors.split(" ").indexOf(actor) >= 0;
        event.hidden = !match;
        if (match) shown += 1;
      });
      document.querySelectorAll(".bf-events").forEach(function (list) {
        var empty = !list.querySelector(".bf-event:not([hidden])");
        list.hidden = empty;
        var heading = list.previousElementSibling;
        if (heading && heading.classList.contains("bf-year")) heading.hidden = empty;
      });
      output.textContent = shown + " / " + events.length;
    });
  }

  // The close button's icon (Material's), for the citation sheet and the search dialog.
  var CLOSE_ICON = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M19 6.41 17.59 5 ' +
    '12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z"/></svg>';

  // A citation's preview, made from its entry in the page's reference list, which holds the
  // same words (pages do not carry them twice): the outlet and paragraph; the cited words in
  // the original and, where the site translates them, our translation or a note that it is
  // pending; for a whole source cited, its title as the list gives it. Text and nodes are
  // copied from the page, never parsed as markup.
  function addPreview(cite, link, list) {
    var entry = document.getElementById("cite-note-" + link.dataset.ref);
    if (!entry) return;
    function span(className, text) {
      var element = document.createElement("span");
      element.className = className;
      if (text) element.textContent = text;
      return element;
    }
    function copy(element, className) {
      var copied = element.cloneNode(true);
      copied.className = className;
      return copied;
    }
    var tip = span("bf-cite__tip");
    tip.setAttribute("role", "tooltip");
    tip.id = cite.id + "-tip";
    var outlet = entry.querySelector(".bf-ref > a");
    var where = entry.querySelector(".bf-ref-loc");
    tip.appendChild(span("bf-cite__outlet",
      (outlet ? outlet.textContent : "") + (where ? " · " + where.textContent : "")));
    tip.appendChild(document.createTextNode(" "));
    var quote = entry.querySelector(".bf-ref-quote");
    var ours = entry.querySelector(".bf-trans-quote");
    // A source the site does not hold: its account of the paragraph, labelled as ours.
    var account = entry.querySelector(".bf-ref-account__text");
    if (ours) tip.appendChild(span("bf-cite__label", list.dataset.original));
    if (account) {
      tip.appendChild(span("bf-cite__label", list.dataset.account));
      tip.appendChild(copy(account, "bf-cite__account"));
    } else if (quote) tip.appendChild(copy(quote, "bf-cite__quote"));
    else tip.appendChild(copy(entry.querySelector(".bf-ref-title"), "bf-cite__title"));
    if (ours) {
      var translation = span("bf-cite__tr");
      translation.appendChild(span("bf-cite__label", list.dataset.translation));
      var words = ours.querySelector("q");
      translation.appendChild(words ? copy(words, "bf-cite__quote")
        : span("bf-para__pending", ours.textContent.replace(/^\[|\]$/g, "")));
      tip.appendChild(translation);
    }
    // On a phone (the preview opened by a tap) a sheet: a link to the paragraph and a close
    // button, shown only then (briefing.css).
    var actions = span("bf-cite__actions");
    var go = document.createElement("a");
    go.className = "bf-cite__go";
    go.setAttribute("href", link.getAttribute("href"));
    go.textContent = list.dataset.go;
    var close = document.createElement("button");
    close.type = "button";
    close.className = "bf-cite__close";
    close.setAttribute("aria-label", list.dataset.close);
    close.innerHTML = CLOSE_ICON;
    actions.appendChild(go);
    actions.appendChild(close);
    tip.appendChild(actions);
    cite.appendChild(tip);
    link.setAttribute("aria-describedby", tip.id);
  }

  // Citations. Hover and keyboard focus open the preview (CSS). On touch screens the first
  // tap opens it and a second tap follows the link. Escape, or a tap elsewhere, closes it.
  function setUpCitations() {
    var cites = Array.prototype.slice.call(document.querySelectorAll(".bf-cite"));
    var list = document.querySelector(".bf-references");
    if (list) {
      cites.forEach(function (cite) {
        var link = cite.querySelector(".bf-cite__link");
        if (link) addPreview(cite, link, list);
      });
    }
    var touch = false;
    function closeAll(except) {
      cites.forEach(function (cite) {
        if (cite === except) return;
        cite.classList.remove("bf-cite--open", "bf-cite--top");
        cite.classList.add("bf-cite--closed");
        var tip = cite.querySelector(".bf-cite__tip");
        if (tip) {
          tip.setAttribute("role", "tooltip");
          tip.style.maxHeight = "";
        }
      });
    }
    // The sheet never covers the marker it explains: at the foot of the screen or at its top,
    // whichever leaves it more room, and no taller than that room (it scrolls inside).
    function open(cite) {
      closeAll(cite);
      cite.classList.remove("bf-cite--closed");
      cite.classList.add("bf-cite--open");
      var tip = cite.querySelector(".bf-cite__tip");
      if (!tip) return;
      tip.setAttribute("role", "dialog");
      if (window.getComputedStyle(tip).position !== "fixed") return;  // a desktop preview
      var marker = cite.getBoundingClientRect();
      var gap = 8;
      cite.classList.add("bf-cite--top");
      var above = marker.top - tip.getBoundingClientRect().top - gap;
      cite.classList.remove("bf-cite--top");
      var below = tip.getBoundingClientRect().bottom - marker.bottom - gap;
      var top = above > below;
      cite.classList.toggle("bf-cite--top", top);
      tip.style.maxHeight = Math.max(0, Math.min(0.45 * window.innerHeight, top ? above : below)) + "px";
    }
    document.addEventListener("pointerdown", function (event) {
      touch = event.pointerType === "touch";
      if (!event.target.closest || !event.target.closest(".bf-cite")) closeAll(null);
    }, true);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") closeAll(null);
    });
    cites.forEach(function (cite) {
      var link = cite.querySelector("a");
      function reopen() { cite.classList.remove("bf-cite--closed"); }
      cite.addEventListener("mouseenter", reopen);
      cite.addEventListener("focusin", reopen);
      link.addEventListener("click", function (event) {
        if (!touch || cite.classList.contains("bf-cite--open")) return;
        event.preventDefault();
        open(cite);
      });
      var close = cite.querySelector(".bf-cite__close");
      if (close) close.addEventListener("click", function () { closeAll(null); });
    });
  }

  // The language switcher keeps the reader's place: an anchor that is the same in every
  // language (a paragraph, an event, a log entry, a year) goes along in the address; otherwise
  // the number of the section being read is remembered and the other language's page opens
  // at its section with the same number (translations keep the English page's sections).
  var SHARED_ANCHOR = /^#(p\d+|ev-|corr-|y\d{4}$)/;
  function setUpSwitcher() {
    var key = "bf-section";
    function sections() {
      return Array.prototype.slice.call(
        document.querySelectorAll("article h2[id], article h3[id]"));
    }
    document.querySelectorAll(".md-select__link[hreflang]").forEach(function (link) {
      link.addEventListener("click", function () {
        var target = new URL(link.href, location.href);
        if (location.hash && SHARED_ANCHOR.test(location.hash)) {
          target.hash = location.hash;
          link.href = target.href;
          return;
        }
        var index = -1;
        sections().forEach(function (heading, i) {
          if (heading.getBoundingClientRect().top < 80) index = i;
        });
        try {
          if (index < 0) window.sessionStorage.removeItem(key);
          else window.sessionStorage.setItem(key, JSON.stringify({ to: target.pathname, index: index }));
        } catch (e) { /* storage blocked: the page opens at its top */ }
      });
    });
    var stored = null;
    try {
      stored = JSON.parse(window.sessionStorage.getItem(key) || "null");
      window.sessionStorage.removeItem(key);
    } catch (e) { /* storage blocked */ }
    if (stored && stored.to === location.pathname && !location.hash) {
      var heading = sections()[stored.index];
      if (heading) heading.scrollIntoView();
    }
  }

  // Search (Pagefind). The bundle of the page's language is fetched, in small pieces, only
  // once the reader opens the search; results are built as text, never as markup.
  //
  // Pagefind stems words and also takes any word that begins like the stem, or, when nothing
  // does, the longest indexed word that begins the one searched for: "customs" finds
  // "customers" (one stem), French "prépaiement" finds "près". A result is kept only where
  // the page has the word searched for, a word that begins with it (the reader may still be
  // typing; German compounds), or the same word with another inflectional ending of the
  // page's language (plural, gender, tense: "autorisées" finds "autorisé"); derivations
  // ("customer" from "custom") and words that merely share their first letters are not the
  // word. Languages Pagefind does not stem (Japanese) keep its matches. Words are compared
  // as Pagefind does: lower case, without accents, without the marks inside a word.
  // The endings are the page's language's (briefing/languages.py, `search_endings`), given by
  // the search box's data-endings; none for a language whose matches all stand.
  var STEM = 3;  // letters a word and its inflected form must share, at least
  var TOKEN = /[\p{L}\p{N}]+(?:['’.\-‐][\p{L}\p{N}]+)*/gu;  // U.S., don't, pre-payment

  function fold(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase();
  }

  // The words of a query as Pagefind compares them.
  function queryTerms(query) {
    return fold(query).split(/\s+/).map(function (word) {
      return word.replace(/[^\p{L}\p{N}]/gu, "");
    }).filter(Boolean);
  }

  // Whether `word` (folded) is `term` for the reader; null: the language's matches all stand.
  function wordRule() {
    var box = document.querySelector("[data-bf-search]");
    var endings = null;
    try { endings = JSON.parse((box && box.dataset.endings) || "null"); } catch (e) { /* none */ }
    if (!endings || !endings.length) return null;
    return function (term, word) {
      if (word === term) return true;
      var common = 0;
      while (common < term.length && term.charAt(common) === word.charAt(common)) common += 1;
      for (var k = common; k >= STEM; k -= 1) {
        if (endings.indexOf(term.slice(k)) >= 0 && endings.indexOf(word.slice(k)) >= 0) return true;
      }
      return term.length >= STEM && word.indexOf(term) === 0;
    };
  }

  // For each term, whether some word of `text` is it (a word with marks inside counts whole
  // and by its parts).
  function termsIn(text, terms, rule) {
    var found = terms.map(function () { return false; });
    (text.match(TOKEN) || []).forEach(function (token) {
      var parts = fold(token).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      var forms = [parts.join("")].concat(parts.length > 1 ? parts : []);
      terms.forEach(function (term, i) {
        if (!found[i]) found[i] = forms.some(function (form) { return rule(term, form); });
      });
    });
    return found;
  }

  // A page's words as Pagefind counts them (its match locations index this list): split at
  // spaces, or, in a language written without them (Japanese), where Pagefind segmented it.
  function pageWords(item) {
    var raw = item.raw_content || "";
    var spaceless = raw.indexOf("\u200B") >= 0;
    return {
      joiner: spaceless ? "" : " ",
      words: raw.split(spaceless ? "\u200B" : /[\r\n\s]+/).map(function (word) {
        return word.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
      })
    };
  }

  // The locations where a result has the words searched for, or null if it lacks one of
  // them (its matches were only another word with the same stem or the same first letters).
  // A page whose metadata has a word (a source's outlet) keeps it.
  function keptLocations(item, words, terms, rule) {
    var locations = item.locations || [];
    if (!rule) return locations;
    var found = terms.map(function () { return false; });
    var kept = locations.filter(function (at) {
      var hits = termsIn(words[at] || "", terms, rule);
      hits.forEach(function (hit, i) { found[i] = found[i] || hit; });
      return hits.indexOf(true) >= 0;
    });
    Object.keys(item.meta || {}).forEach(function (key) {
      termsIn(String(item.meta[key]), terms, rule).forEach(function (hit, i) {
        found[i] = found[i] || hit;
      });
    });
    return found.indexOf(false) < 0 ? kept : null;
  }

  var EXCERPT = 30;  // words of an excerpt
  // Where a link lands: an element with an id that starts a block (a numbered paragraph, an
  // event, a reference, a heading), not a citation marker or a form control.
  var LANDING = /^(h[1-6]|p|div|li|tr|td|th|dd|dt|figure|figcaption|caption|table|section|blockquote|details)$/i;

  // A result's passage: the run of EXCERPT words with most of the words searched for; the
  // element it lies in (Pagefind records every element with an id and where it starts);
  // the heading it is under; the excerpt, its words searched for marked.
  function passage(item, kept, words) {
    var at = kept.length ? kept[0] : 0;
    var most = 0;
    kept.forEach(function (start, i) {
      var n = 0;
      while (i + n < kept.length && kept[i + n] < start + EXCERPT) n += 1;
      if (n > most) { most = n; at = start; }
    });
    var anchor = null;
    var heading = null;
    (item.anchors || []).forEach(function (a) {
      if (a.location > at || !a.id || !LANDING.test(a.element)) return;
      if (!anchor || a.location >= anchor.location) anchor = a;
      if (/^h[2-6]$/i.test(a.element) && (!heading || a.location >= heading.location)) heading = a;
    });
    if (anchor && anchor.location === 0) anchor = null;  // the page's title: its top
    var start = Math.max(anchor ? anchor.location : 0, at - 8);
    var end = Math.min(words.words.length, start + EXCERPT);
    var p = document.createElement("p");
    p.className = "bf-search__excerpt";
    if (start > 0) p.appendChild(document.createTextNode("… "));
    for (var i = start; i < end; i += 1) {
      if (i > start && words.joiner) p.appendChild(document.createTextNode(words.joiner));
      var text = words.words[i];
      var done = 0;
      if (kept.indexOf(i) >= 0) {
        text.replace(TOKEN, function (token, at) {  // the word marked, not the stop after it
          var mark = document.createElement("mark");
          mark.textContent = token;
          p.appendChild(document.createTextNode(text.slice(done, at)));
          p.appendChild(mark);
          done = at + token.length;
          return token;
        });
      }
      p.appendChild(document.createTextNode(text.slice(done)));
    }
    if (end < words.words.length) p.appendChild(document.createTextNode(" …"));
    return { anchor: anchor, heading: heading && heading.text, excerpt: p };
  }

  // One result: its title, a link to the passage that carries the words searched for (the
  // page marks them there), where the passage is (its section; a source's outlet and date),
  // then the excerpt. Built as text.
  function resultItem(item, kept, words, query) {
    var found = passage(item, kept, words);
    var url = new URL(item.url, location.href);
    query.split(/\s+/).filter(Boolean).forEach(function (word) {
      url.searchParams.append(HIGHLIGHT, word);
    });
    if (found.anchor) url.hash = found.anchor.id;
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = url.pathname + url.search + url.hash;
    a.textContent = (item.meta && item.meta.title) || item.url;
    li.appendChild(a);
    var meta = item.meta || {};
    var where = [found.heading, meta.outlet, meta.published].filter(function (text) {
      return text && text !== a.textContent;
    });
    if (where.length) {
      var line = document.createElement("p");
      line.className = "bf-search__where";
      line.textContent = where.join(" · ");
      li.appendChild(line);
    }
    li.appendChild(found.excerpt);
    return li;
  }

  var SHOWN = 12;  // results listed
  var HIGHLIGHT = "highlight";  // the parameter of a result's link naming the words to mark

  // The search dialog, from the strings the page gives its box (its markup is the same on
  // every page, so it is made here rather than carried by each page).
  function searchDialog(box) {
    function make(tag, className, attributes) {
      var element = document.createElement(tag);
      element.className = className;
      Object.keys(attributes || {}).forEach(function (name) {
        element.setAttribute(name, attributes[name]);
      });
      return element;
    }
    var strings = box.dataset;
    var dialog = make("dialog", "bf-search__dialog", {
      "aria-label": box.querySelector(".bf-search__open").getAttribute("aria-label")
    });
    var form = make("form", "bf-search__form", { role: "search", method: "dialog" });
    form.appendChild(make("input", "bf-search__input", {
      type: "search", name: "q", "aria-label": strings.placeholder,
      placeholder: strings.placeholder, autocomplete: "off", spellcheck: "false"
    }));
    var close = make("button", "bf-search__close md-icon", { type: "button", "aria-label": strings.close });
    close.innerHTML = CLOSE_ICON;  // a constant of this script
    form.appendChild(close);
    dialog.appendChild(form);
    dialog.appendChild(make("p", "bf-search__status", { role: "status", "aria-live": "polite" }));
    dialog.appendChild(make("ol", "bf-search__results"));
    box.appendChild(dialog);
    return dialog;
  }

  function setUpSearch(box) {
    var header = document.querySelector(".md-header__inner");
    if (!header || !window.HTMLDialogElement) return;
    header.appendChild(box);
    box.hidden = false;
    var strings = box.dataset;
    var dialog = searchDialog(box);
    var input = box.querySelector("input");
    var status = box.querySelector(".bf-search__status");
    var list = box.querySelector(".bf-search__results");
    var engine = null;
    var timer = null;
    var latest = 0;
    function load() {
      if (!engine) {
        var bundle = "pagefind/" + document.documentElement.lang + "/pagefind.js";
        engine = import(new URL(bundle, siteRoot).href).then(function (pf) {
          return pf.options({ baseUrl: siteRoot.pathname }).then(function () { return pf; });
        });
      }
      return engine;
    }
    // Results are checked in score order, a screenful at a time, until a screenful is kept
    // or none is left; the count is of the pages kept and of those not yet checked.
    function run() {
      var query = input.value.trim();
      var ticket = ++latest;
      list.textContent = "";
      if (!query) { status.textContent = ""; return; }
      status.textContent = strings.loading;
      var terms = queryTerms(query);
      var rule = wordRule();
      load().then(function (pf) { return pf.search(query); }).then(function (search) {
        var results = search.results;
        var shown = [];
        var checked = 0;
        var dropped = 0;
        function more() {
          if (ticket !== latest) return null;
          if (shown.length >= SHOWN || checked >= results.length) {
            return { total: results.length - dropped, items: shown };
          }
          var batch = results.slice(checked, checked + SHOWN);
          checked += batch.length;
          return Promise.all(batch.map(function (r) { return r.data(); })).then(function (items) {
            items.forEach(function (item) {
              var words = pageWords(item);
              var kept = keptLocations(item, words.words, terms, rule);
              if (!kept) dropped += 1;
              else if (shown.length < SHOWN) shown.push(resultItem(item, kept, words, query));
            });
            return more();
          });
        }
        return more();
      }).then(function (found) {
        if (!found || ticket !== latest) return;
        status.textContent = found.total === 1 ? strings.one
          : found.total ? strings.count.replace("{n}", found.total) : strings.none;
        found.items.forEach(function (li) { list.appendChild(li); });
      }).catch(function () {
        if (ticket === latest) status.textContent = strings.none;
      });
    }
    box.querySelector(".bf-search__open").addEventListener("click", function () {
      dialog.showModal();
      input.focus();
      load();
    });
    box.querySelector(".bf-search__close").addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); dialog.close(); }
    });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 150);
    });
    box.querySelector("form").addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      run();
    });
    document.addEventListener("keydown", function (event) {
      if ((event.key === "/" || event.key === "s") && !dialog.open &&
          !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName)) {
        event.preventDefault();
        dialog.showModal();
        input.focus();
        load();
      }
    });
  }

  // A page opened from a search result (?highlight=word...): the words searched for are
  // marked where they stand in the article, by the rule the results were kept by (<mark>,
  // which assistive technology can announce; marks add no box, so nothing moves), and the
  // page is brought to the first of them at or after the passage the link named (#p12, a
  // section), if the browser's own landing left it out of sight.
  var UNMARKED = "[data-pagefind-ignore], .bf-cite, .headerlink, .bf-title-note, .bf-para__num, " +
    ".bf-backlinks, .bf-print-url, code, pre, script, style, textarea";

  function highlight(body, words) {
    var terms = queryTerms(words.join(" "));
    var rule = wordRule();
    var walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentElement.closest(UNMARKED) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    var marks = [];
    nodes.forEach(function (node) {
      var text = node.nodeValue;
      var spans = [];
      if (rule) {
        // A regex of its own: termsIn matches with TOKEN, which resets TOKEN's lastIndex.
        var tokens = new RegExp(TOKEN.source, TOKEN.flags);
        var token;
        while ((token = tokens.exec(text))) {
          if (termsIn(token[0], terms, rule).indexOf(true) >= 0) {
            spans.push([token.index, token.index + token[0].length]);
          }
        }
      } else {
        // Written without spaces (Japanese): each word searched for, wherever it occurs.
        var lower = text.toLocaleLowerCase();
        words.forEach(function (word) {
          var needle = word.toLocaleLowerCase();
          for (var at = lower.indexOf(needle); needle && at >= 0; at = lower.indexOf(needle, at + needle.length)) {
            spans.push([at, at + needle.length]);
          }
        });
        spans.sort(function (x, y) { return x[0] - y[0]; });
        spans = spans.filter(function (span, i) { return !i || span[0] >= spans[i - 1][1]; });
      }
      var inNode = [];
      for (var i = spans.length - 1; i >= 0; i -= 1) {
        node.splitText(spans[i][1]);
        var middle = node.splitText(spans[i][0]);
        var mark = document.createElement("mark");
        mark.className = "bf-hl";
        middle.parentNode.insertBefore(mark, middle);
        mark.appendChild(middle);
        inNode.unshift(mark);
      }
      marks = marks.concat(inNode);
    });
    if (!marks.length) return;
    var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    var after = Node.DOCUMENT_POSITION_FOLLOWING | Node.DOCUMENT_POSITION_CONTAINED_BY;
    var shown = marks.filter(function (mark) {
      return !mark.checkVisibility || mark.checkVisibility();
    });
    var first = shown.filter(function (mark) {
      return !target || target.compareDocumentPosition(mark) & after;
    })[0] || shown[0];
    function bring() {
      if (!first) return;
      var header = document.querySelector(".md-header");
      var top = header ? header.getBoundingClientRect().bottom : 0;
      var box = first.getBoundingClientRect();
      if (box.top < top || box.bottom > window.innerHeight) first.scrollIntoView({ block: "center" });
    }
    if (document.readyState === "complete") bring();
    else window.addEventListener("load", bring);
  }

  // Source pages: hide or show our translations beside the original; remembered.
  function setUpTranslationToggle(button) {
    var key = "bf-translations";
    var text = document.querySelector(".bf-text--pairs");
    if (!text) return;
    function apply(shown) {
      text.classList.toggle("bf-text--original-only", !shown);
      button.textContent = shown ? button.dataset.hide : button.dataset.show;
    }
    var stored = null;
    try { stored = window.localStorage.getItem(key); } catch (e) { /* storage blocked */ }
    apply(stored !== "hidden");
    button.parentElement.hidden = false;
    button.addEventListener("click", function () {
      var shown = text.classList.contains("bf-text--original-only");
      apply(shown);
      try { window.localStorage.setItem(key, shown ? "shown" : "hidden"); } catch (e) { /* ok */ }
    });
  }

  function start() {
    document.querySelectorAll("[data-bf-toggle-translations]").forEach(setUpTranslationToggle);
    document.querySelectorAll("[data-bf-search]").forEach(setUpSearch);
    document.querySelectorAll("[data-bf-filter]").forEach(setUpFilter);
    setUpCitations();
    setUpSwitcher();
    var marked = new URLSearchParams(location.search).getAll(HIGHLIGHT);
    var body = document.querySelector("[data-pagefind-body]");
    if (marked.length && body) highlight(body, marked);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
