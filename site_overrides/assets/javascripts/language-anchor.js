// The language switch leads to the same page in another language. Section ids are the same in
// every language, so the reader's place in the page (the #anchor) comes along: the switch's links
// get the current hash when the page loads, whenever it changes, and at the moment of a click.
(function () {
  "use strict";
  var SWITCH = "a.md-select__link[hreflang]";

  function carry(link) {
    link.hash = location.hash;
  }

  function carryAll() {
    Array.prototype.forEach.call(document.querySelectorAll(SWITCH), carry);
  }

  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest(SWITCH);
    if (link) carry(link);
  }, true);
  window.addEventListener("hashchange", carryAll);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", carryAll);
  } else {
    carryAll();
  }
})();
