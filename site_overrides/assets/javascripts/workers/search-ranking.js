// Keikaku's search worker: Material for MkDocs 9.8.2's own search worker, loaded unchanged, with
// the order of its results decided by where the reader's words are.
//
// Material's worker (lunr) matches each word of a query on its own, with a trailing wildcard, and
// scores a section by its heading far above its text. A Japanese query is cut into fragments (柏の葉
// キャンパス → 柏* の* 葉* キャンパス*), so the city's name, in every heading, drowned the place a
// reader asked for, and a page listing every division outranked the page about the division's work.
// Material lets a site bring its own worker ("search" in the theme's #__config); this one keeps
// Material's index, matching, highlighting and result format, and only reorders the pages:
//   1. pages with the whole query in their title, 2. in a heading, 3. in their text,
//   4. with every word of the query in them; listing pages (a search boost below 1 in their
//   front matter: home, divisions, glossary, indicators…) after the pages that are not;
//   then whatever else Material found, in Material's order. Among pages of one rank, the one
//   that names the query more often comes first.
// A page holding the whole query that Material's word matching missed (a name glued to other
// text, or a romanised name typed without its hyphens: Kashiwanoha for Kashiwa-no-ha) is added.
// A one-character fragment of a Japanese word is never shown as "not in search".
// tests/test_search_ranking.py guards what this relies on in Material's worker.
(function () {
  "use strict";
  var SETUP = 0, QUERY = 2, RESULT = 3;  // Material's SearchMessageType
  var material = new URL(self.location.href).searchParams.get("material");

  // Material's worker answers with postMessage and listens with addEventListener("message"):
  // capture its listener so that every message passes through here first.
  var listeners = [];
  var addEventListener = self.addEventListener.bind(self);
  self.addEventListener = function (type, listener) {
    if (type === "message") listeners.push(listener);
    else addEventListener.apply(null, arguments);
  };
  importScripts(material);
  self.addEventListener = addEventListener;

  var pages = new Map();  // page location → {headings, text, listing, docs}
  var queries = [];       // queries sent to Material's worker, answered in order
  var post = self.postMessage.bind(self);

  function normal(value) {
    return String(value).replace(/<[^>]*>/g, " ")
      .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&")
      .normalize("NFKC").toLowerCase()
      .normalize("NFD").replace(/([a-z])[\u0300-\u036f]+/g, "$1").normalize("NFC")
      .replace(/\s+/g, " ").trim();
  }

  // Romanised Japanese names are written with hyphens or without (Kashiwa-no-ha, Kashiwanoha):
  // a query and a text are also compared with the hyphens between letters left out.
  function unhyphenated(text) {
    return text.replace(/([a-z0-9])-(?=[a-z0-9])/g, "$1");
  }

  function setup(index) {
    pages.clear();
    index.docs.forEach(function (doc) {
      var path = doc.location.split("#")[0];
      var page = pages.get(path);
      if (!page) {
        // The page's first entry is the page itself: its title is the page's title (its h1).
        page = {title: normal(doc.title), headings: [], text: [], docs: [],
                listing: typeof doc.boost === "number" && doc.boost < 1};
        pages.set(path, page);
      }
      page.headings.push(normal(doc.title));
      page.text.push(normal(doc.text));
      page.docs.push(doc);
    });
    pages.forEach(function (page) {
      page.headings = page.headings.join("\n");
      page.text = page.text.join("\n");
      page.all = page.headings + "\n" + page.text;
      page.titleJoined = unhyphenated(page.title);
      page.headingsJoined = unhyphenated(page.headings);
      page.textJoined = unhyphenated(page.text);
      page.allJoined = unhyphenated(page.all);
    });
  }

  // The words a reader typed, without lunr's query syntax (+word -word word* word~1 field:word).
  function words(query) {
    return normal(query).split(" ").map(function (word) {
      return word.replace(/^[+-]/, "").replace(/^(title|text|tags):/, "").replace(/[*~^]\d*$/, "").replace(/^\*/, "");
    }).filter(Boolean);
  }

  // The query as a page may hold it, worked out once per query: its words with spaces and without,
  // and both without hyphens.
  function forms(typed) {
    var phrases = [typed.join(" "), typed.join("")];
    return {typed: typed, phrases: phrases, joined: phrases.map(unhyphenated)};
  }

  // Whether a page's title (headings, text) holds the whole query, as typed, without spaces, or without hyphens.
  function holds(page, asked, part) {
    return asked.phrases.some(function (phrase) { return page[part].indexOf(phrase) >= 0; }) ||
      asked.joined.some(function (phrase) { return page[part + "Joined"].indexOf(phrase) >= 0; });
  }

  // How many times a page names the whole query (hyphens left out on both sides).
  function mentions(page, asked) {
    var spaced = asked.joined[0], glued = asked.joined[1];
    var count = page.allJoined.split(spaced).length - 1;
    return spaced === glued ? count : count + page.allJoined.split(glued).length - 1;
  }

  // 4: the whole query in the page's title; 3: in a heading; 2: in the text; 1: every word somewhere;
  // 0: none of these.
  function tier(page, asked) {
    if (!asked.typed.length) return 0;
    if (holds(page, asked, "title")) return 4;
    if (holds(page, asked, "headings")) return 3;
    if (holds(page, asked, "text")) return 2;
    return asked.typed.every(function (word) { return page.all.indexOf(word) >= 0; }) ? 1 : 0;
  }

  // The page as Material would show it had it matched: its article, then its sections holding the query.
  function added(page, asked) {
    var phrase = asked.joined[0];
    return page.docs.filter(function (doc, i) {
      return i === 0 || unhyphenated(normal(doc.text)).indexOf(phrase) >= 0 ||
        unhyphenated(normal(doc.title)).indexOf(phrase) >= 0;
    }).map(function (doc) {
      return Object.assign({}, doc, {score: 0, terms: {}});
    });
  }

  function rank(query, result) {
    var asked = forms(words(query));
    var seen = new Set();
    var groups = result.items.map(function (items, order) {
      var path = items[0].location.split("#")[0];
      seen.add(path);
      return {items: items, path: path, order: order};
    });
    if (asked.typed.length) {
      // Pages Material missed, the ones that name the query most often first.
      var missed = [];
      pages.forEach(function (page, path) {
        var count = seen.has(path) ? 0 : mentions(page, asked);
        if (count > 0) missed.push({path: path, page: page, count: count});
      });
      missed.sort(function (a, b) { return b.count - a.count; });
      missed.forEach(function (miss) {
        groups.push({items: added(miss.page, asked), path: miss.path, order: groups.length});
      });
    }
    groups.forEach(function (group) {
      var page = pages.get(group.path);
      var level = page ? tier(page, asked) : 0;
      // Pages that hold the query come first, item pages before listing pages; then the rest.
      group.key = level === 0 ? 0 : level + (page.listing ? 0 : 4);
      group.count = level >= 2 ? mentions(page, asked) : 0;
      group.items.forEach(function (item) {  // a one-character fragment of a word is no missing word
        Object.keys(item.terms || {}).forEach(function (term) {
          if (item.terms[term] === false && Array.from(term).length === 1 && asked.typed.indexOf(term) < 0)
            delete item.terms[term];
        });
      });
    });
    groups.sort(function (a, b) { return b.key - a.key || b.count - a.count || a.order - b.order; });
    result.items = groups.map(function (group) { return group.items; });
    return result;
  }

  self.postMessage = function (message) {
    if (message && message.type === RESULT && queries.length) {
      try {
        message = {type: RESULT, data: rank(queries.shift(), message.data)};
      } catch (err) {  // never lose Material's own answer
        console.warn(err);
      }
    }
    post(message);
  };

  addEventListener("message", function (event) {
    var message = event.data;
    if (message && message.type === SETUP) setup(message.data);
    if (message && message.type === QUERY) queries.push(message.data);
    listeners.forEach(function (listener) { listener.call(self, event); });
  });
})();
