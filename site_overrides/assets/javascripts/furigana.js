// The furigana switch (generator/render/furigana.py) works with CSS alone; this remembers the reader's
// choice from page to page. Where storage is refused (a private window), the switch still works per page.
(function () {
  "use strict";
  var KEY = "keikaku.furigana";
  var box = document.getElementById("kk-furigana");
  if (!box) {
    return;
  }
  try {
    var saved = window.localStorage.getItem(KEY);
    if (saved !== null) {
      box.checked = saved === "shown";
    }
  } catch (refused) { /* no storage: the page's default, readings shown */ }
  box.addEventListener("change", function () {
    try {
      window.localStorage.setItem(KEY, box.checked ? "shown" : "hidden");
    } catch (refused) { /* nothing to remember with */ }
  });
})();
