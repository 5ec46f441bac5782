/*
 * wagtail-localize's translation editor: where its choosers open, from the
 * data-* attributes of this script's own element (instead of inline script).
 */
(function () {
  "use strict";
  var data = document.currentScript.dataset;
  if (typeof window.chooserUrls === "undefined") {
    window.chooserUrls = {
      imageChooser: data.imageChooser,
      documentChooser: data.documentChooser,
      pageChooser: data.pageChooser,
    };
  }
})();
