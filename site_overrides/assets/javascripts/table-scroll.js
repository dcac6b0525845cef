// A table wider than the screen scrolls sideways inside its wrapper; on a phone nothing shows that
// more columns wait to the right. Above each wrapper that scrolls, this shows the hint the page
// gives in its data-scroll-hint (in the page's language), and hides it again when the table fits.
// The hint is for the eye: screen readers reach every cell without scrolling, so it is aria-hidden.
(function () {
  "use strict";

  // Writes first, then every measurement, then writes again: reading a width after each insertion
  // would lay the page out once per table, which on a page of many tables blocks a phone for a while.
  function update() {
    var wraps = Array.prototype.slice.call(document.querySelectorAll(".kk-table-wrap[data-scroll-hint]"));
    var hints = wraps.map(function (wrap) {
      var hint = wrap.previousElementSibling;
      if (!hint || !hint.classList.contains("kk-scroll-hint")) {
        hint = document.createElement("p");
        hint.className = "kk-scroll-hint";
        hint.setAttribute("aria-hidden", "true");
        hint.textContent = wrap.getAttribute("data-scroll-hint");
        wrap.parentNode.insertBefore(hint, wrap);
      }
      return hint;
    });
    var fits = wraps.map(function (wrap) { return wrap.scrollWidth <= wrap.clientWidth + 1; });
    hints.forEach(function (hint, i) { hint.hidden = fits[i]; });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", update);
  } else {
    update();
  }
  window.addEventListener("resize", update);
  window.addEventListener("load", update);  // widths can change once the theme has started
})();
