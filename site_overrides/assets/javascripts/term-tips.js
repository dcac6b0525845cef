// A term linked to the glossary (generator/render/term_links.py) carries its definition in `title`,
// which the browser shows on hover only. This shows it on keyboard focus too, in one tooltip that
// stays while the pointer is over the term or the tooltip, and that Escape dismisses (WCAG 1.4.13).
// While it shows, the title moves aside, so the browser's own tooltip does not cover it.
(function () {
  "use strict";

  var tip = null;
  var current = null;
  var hideTimer = null;

  function tooltip() {
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "kk-term-tip";
      tip.className = "kk-term-tip";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
      tip.addEventListener("mouseleave", function () { hideSoon(); });
      document.body.appendChild(tip);
    }
    return tip;
  }

  function show(link) {
    clearTimeout(hideTimer);
    if (current && current !== link) hide();
    var text = link.getAttribute("title") || link.getAttribute("data-kk-title");
    if (!text) return;
    current = link;
    link.setAttribute("data-kk-title", text);
    link.removeAttribute("title");
    link.setAttribute("aria-describedby", "kk-term-tip");
    var box = tooltip();
    box.textContent = text;
    box.hidden = false;
    var rect = link.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(rect.left + window.scrollX, window.scrollX + width - box.offsetWidth - 8));
    box.style.left = left + "px";
    box.style.top = (rect.bottom + window.scrollY + 4) + "px";
  }

  function hide() {
    if (tip) tip.hidden = true;
    if (current) {
      current.setAttribute("title", current.getAttribute("data-kk-title"));
      current.removeAttribute("aria-describedby");
      current = null;
    }
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 300);
  }

  function termOf(event) {
    return event.target.closest ? event.target.closest("a.kk-term") : null;
  }

  document.addEventListener("focusin", function (event) { var link = termOf(event); if (link) show(link); });
  document.addEventListener("focusout", function (event) { if (termOf(event)) hide(); });
  document.addEventListener("mouseover", function (event) { var link = termOf(event); if (link) show(link); });
  document.addEventListener("mouseout", function (event) { if (termOf(event)) hideSoon(); });
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") hide(); });
})();
