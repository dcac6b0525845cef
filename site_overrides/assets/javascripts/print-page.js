// The margins of a printed page show the site's name, the page's address and its date
// (generator/render/page_head.py). What the build could not know, this adds before printing: the address
// the page was opened at (when the plan sets no site_url), and the day of printing (when the plan's
// files have no date from git), in the page's language.
(function () {
  "use strict";

  var style = document.getElementById("kk-print-page");
  if (!style) return;

  // A CSS string that cannot end early, whatever the address holds.
  function cssString(text) {
    return '"' + text.replace(/["\\<>&]|[^\x20-\x7e\u00a0-\uffff]/g, function (c) {
      return "\\" + c.charCodeAt(0).toString(16) + " ";
    }) + '"';
  }

  var boxes = [];
  if (style.hasAttribute("data-add-url")) {
    boxes.push("@top-right{content:" + cssString(window.location.href) + "}");
  }
  if (style.hasAttribute("data-add-date")) {
    var day = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {dateStyle: "long"})
      .format(new Date());
    boxes.push("@bottom-left{content:" + cssString(style.getAttribute("data-printed-label") + ": " + day) + "}");
  }
  if (boxes.length) style.textContent += "@page{" + boxes.join("") + "}";
})();
