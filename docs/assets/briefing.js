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
        if (tip) tip.setAttribute("role", "tooltip");
      });
    }
    // The sheet never covers the marker it explains: at the foot of the screen, or at its top
    // when the marker is in the lower half.
    function open(cite) {
      closeAll(cite);
      var marker = cite.getBoundingClientRect();
      cite.classList.toggle("bf-cite--top", marker.top + marker.height / 2 > window.innerHeight / 2);
      cite.classList.remove("bf-cite--closed");
      cite.classList.add("bf-cite--open");
      var tip = cite.querySelector(".bf-cite__tip");
      if (tip) tip.setAttribute("role", "dialog");
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
    function excerpt(html) {
      // Pagefind marks matches with <mark>; keep only that, as text nodes.
      var p = document.createElement("p");
      html.split(/(<mark>|<\/mark>)/).reduce(function (marked, part) {
        if (part === "<mark>") return true;
        if (part === "</mark>") return false;
        var text = document.createElement("textarea");
        text.innerHTML = part;  // decode entities without parsing markup into the page
        var node = document.createTextNode(text.value);
        if (marked) { var m = document.createElement("mark"); m.appendChild(node); p.appendChild(m); }
        else p.appendChild(node);
        return marked;
      }, false);
      return p;
    }
    function run() {
      var query = input.value.trim();
      var ticket = ++latest;
      list.textContent = "";
      if (!query) { status.textContent = ""; return; }
      status.textContent = strings.loading;
      load().then(function (pf) { return pf.search(query); }).then(function (search) {
        return Promise.all(search.results.slice(0, 12).map(function (r) { return r.data(); }))
          .then(function (items) { return { total: search.results.length, items: items }; });
      }).then(function (found) {
        if (ticket !== latest) return;
        status.textContent = found.total === 1 ? strings.one
          : found.total ? strings.count.replace("{n}", found.total) : strings.none;
        found.items.forEach(function (item) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = item.url;
          a.textContent = (item.meta && item.meta.title) || item.url;
          li.appendChild(a);
          li.appendChild(excerpt(item.excerpt || ""));
          list.appendChild(li);
        });
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
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
