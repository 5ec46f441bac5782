/*
 * Starts the Wagtail admin's widgets without inline script, so the admin runs
 * under a Content-Security-Policy that allows scripts from Lotse's own files
 * only (see cms/security.py).
 *
 * Wagtail 8 starts some widgets (choosers, date and time pickers, inline
 * panels) with a small inline <script>. Lotse renders each of those as data
 * instead: <script type="application/json" data-lotse-admin-init> holding
 * {"call": NAME, "args": [...]} or {"construct": NAME, "args": [...]}, which
 * no browser executes. This file makes the same call, for the names below
 * only, once the page is parsed and for every form added later (an inline
 * panel's "Add", a modal).
 */
(function () {
  "use strict";

  var CALLS = ["initDateChooser", "initTimeChooser", "initDateTimeChooser", "createTaskChooser"];
  var CONSTRUCTORS = [
    "Chooser",
    "PageChooser",
    "SnippetChooser",
    "ImageChooser",
    "DocumentChooser",
    "InlinePanel",
    "MultipleChooserPanel",
  ];
  var SELECTOR = 'script[type="application/json"][data-lotse-admin-init]';

  function start(element) {
    if (element.lotseStarted) {
      return;
    }
    element.lotseStarted = true;
    var spec = JSON.parse(element.textContent);
    var args = spec.args || [];
    if (spec.call && CALLS.indexOf(spec.call) !== -1) {
      window[spec.call].apply(window, args);
    } else if (spec.construct && CONSTRUCTORS.indexOf(spec.construct) !== -1) {
      Reflect.construct(window[spec.construct], args);
    } else {
      console.error("Lotse admin: not a known widget initialiser", spec);
    }
  }

  function startAll(root) {
    if (root.matches && root.matches(SELECTOR)) {
      start(root);
    }
    if (root.querySelectorAll) {
      root.querySelectorAll(SELECTOR).forEach(start);
    }
  }

  function watch() {
    startAll(document);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        mutation.addedNodes.forEach(startAll);
      });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watch);
  } else {
    watch();
  }
})();
