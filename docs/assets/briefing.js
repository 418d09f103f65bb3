/* Progressive enhancements. Without this script every page is complete:
   the timeline lists every event in order, citations preview on hover and focus. */
(function () {
  "use strict";

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

  // Citations. Hover and keyboard focus open the preview (CSS). On touch screens the first
  // tap opens it and a second tap follows the link. Escape, or a tap elsewhere, closes it.
  function setUpCitations() {
    var cites = Array.prototype.slice.call(document.querySelectorAll(".bf-cite"));
    var touch = false;
    function closeAll(except) {
      cites.forEach(function (cite) {
        if (cite === except) return;
        cite.classList.remove("bf-cite--open");
        cite.classList.add("bf-cite--closed");
      });
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
        closeAll(cite);
        cite.classList.remove("bf-cite--closed");
        cite.classList.add("bf-cite--open");
      });
    });
  }

  // Material's search dialog has no accessible name: give it its own input's (localised) label.
  function nameSearchDialog() {
    document.querySelectorAll(".md-search[role=dialog]").forEach(function (dialog) {
      var input = dialog.querySelector("input[aria-label]");
      if (input && !dialog.hasAttribute("aria-label")) {
        dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
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
    nameSearchDialog();
    document.querySelectorAll("[data-bf-filter]").forEach(setUpFilter);
    setUpCitations();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
