// Load the search index only when the reader opens search.
//
// Material for MkDocs 9.8.2 requests search/search_index.json on every page view, as soon as the
// page loads (its bundle: request() with an XMLHttpRequest, subscribed by setupSearchWorker and
// mountSearchHiglight). The index grows with the plan (megabytes for a large city), while most
// readers never search. This script runs before the bundle and holds back the send() of that one
// request until the reader opens search: focuses the search box (also via the keyboard shortcuts),
// opens the search toggle (#__search), or points at the search button (a head start). A page opened
// from a search result (?h=) or a search link (?q=) needs the index at once and loads it at once.
// The index and Material's search are unchanged: only *when* they load.
// The search worker waits too. The bundle starts it as it starts (new Worker(config.search)), and the
// worker then loads lunr and Keikaku's ranking on every page view, while the main thread pays for a
// worker it will not use. Until search opens, the bundle gets a stand-in that keeps its listeners; the
// real worker starts when the index request is sent, so both load side by side.
// tests/publish/test_theme_scale.py guards what this relies on in Material's bundle and templates.
(function () {
  "use strict";
  var INDEX = /(^|\/)search\/search_index\.json(\?|$)/;
  var params = new URLSearchParams(location.search);
  var opened = params.has("h") || params.has("q");
  var waiting = [];

  function open() {
    if (opened) return;
    opened = true;
    waiting.splice(0).forEach(function (resume) { resume(); });
  }

  var originalOpen = XMLHttpRequest.prototype.open;
  var originalSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this._keikakuSearchIndex = INDEX.test(String(url).split("#")[0]);
    return originalOpen.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this._keikakuSearchIndex && !opened) {
      var request = this, args = arguments;
      waiting.push(function () { originalSend.apply(request, args); });
      return;
    }
    return originalSend.apply(this, arguments);
  };

  // Material 9.8.2 talks to its worker only through "message" events (RxJS fromEvent, which takes
  // any EventTarget) and postMessage, whose first message is the index held back above.
  var WORKER = /\/workers\/[^\/]+\.js$/;
  var RealWorker = window.Worker;
  function canStandIn() {  // a constructible EventTarget (not in Safari before 14)
    try {
      return !!new EventTarget();
    } catch (error) {
      return false;
    }
  }
  if (typeof RealWorker === "function" && canStandIn()) {
    var LazyWorker = function (url, options) {
      if (opened || !WORKER.test(new URL(String(url), location.href).pathname)) {
        return new RealWorker(url, options);
      }
      var standIn = new EventTarget();
      var worker = null;
      function start() {
        if (!worker) {
          worker = new RealWorker(url, options);
          worker.addEventListener("message", function (event) {
            standIn.dispatchEvent(new MessageEvent("message", {data: event.data}));
          });
        }
        return worker;
      }
      standIn.postMessage = function () {
        var real = start();
        real.postMessage.apply(real, arguments);
      };
      waiting.push(start);
      return standIn;
    };
    LazyWorker.prototype = RealWorker.prototype;
    window.Worker = LazyWorker;
  }

  function isSearchControl(target) {
    return target instanceof Element &&
      !!target.closest("[data-md-component=search-query], label[for=__search], #__search");
  }
  document.addEventListener("focusin", function (event) { if (isSearchControl(event.target)) open(); }, true);
  document.addEventListener("pointerover", function (event) { if (isSearchControl(event.target)) open(); }, true);
  document.addEventListener("touchstart", function (event) { if (isSearchControl(event.target)) open(); },
                            {capture: true, passive: true});
  document.addEventListener("change", function (event) {
    if (event.target instanceof Element && event.target.id === "__search") open();
  }, true);
})();
