// A table wider than the screen scrolls sideways inside its wrapper; on a phone nothing shows that
// more columns wait to the right. Above each wrapper that scrolls, this shows the hint the page
// gives in its data-scroll-hint (in the page's language), and hides it again when the table fits.
// The hint is for the eye: screen readers reach every cell without scrolling, so it is aria-hidden.
(function () {
  "use strict";

  function update() {
    Array.prototype.forEach.call(document.querySelectorAll(".kk-table-wrap[data-scroll-hint]"), function (wrap) {
      var hint = wrap.previousElementSibling;
      if (!hint || !hint.classList.contains("kk-scroll-hint")) {
        hint = document.createElement("p");
        hint.className = "kk-scroll-hint";
        hint.setAttribute("aria-hidden", "true");
        hint.textContent = wrap.getAttribute("data-scroll-hint");
        wrap.parentNode.insertBefore(hint, wrap);
      }
      hint.hidden = wrap.scrollWidth <= wrap.clientWidth + 1;
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", update);
  } else {
    update();
  }
  window.addEventListener("resize", update);
  window.addEventListener("load", update);  // after the theme has wrapped the tables
})();
