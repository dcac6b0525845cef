// Point Material's search at Keikaku's worker, workers/search-ranking.js, which loads Material's
// own worker unchanged and decides the order of its results (see that file). Material reads the
// worker's URL from its #__config when its bundle starts, so this runs before the bundle.
// tests/test_search_ranking.py guards what this relies on in Material 9.8.2.
(function () {
  "use strict";
  var config = document.getElementById("__config");
  var script = document.currentScript;
  if (!config || !script || !script.dataset.worker) return;
  var data = JSON.parse(config.textContent);
  if (!data.search) return;
  var material = new URL(data.search, location.href).href;
  data.search = new URL(script.dataset.worker, location.href).href + "?material=" + encodeURIComponent(material);
  config.textContent = JSON.stringify(data);
})();
