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

  // Citations: Escape closes an open preview (it stays closed until the pointer or focus moves).
  function setUpCitations() {
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      document.querySelectorAll(".bf-cite").forEach(function (cite) {
        cite.classList.add("bf-cite--closed");
      });
    });
    document.querySelectorAll(".bf-cite").forEach(function (cite) {
      function reopen() { cite.classList.remove("bf-cite--closed"); }
      cite.addEventListener("mouseenter", reopen);
      cite.addEventListener("focusin", reopen);
    });
  }

  function start() {
    document.querySelectorAll("[data-bf-filter]").forEach(setUpFilter);
    setUpCitations();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
