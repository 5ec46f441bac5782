/* wagtail-localize's "Translate this page": "select all" ticks every language. */
(function () {
  "use strict";
  var selectAll = document.querySelector('[name="select_all"]');
  var locales = document.querySelectorAll('[name="locales"]');
  if (!selectAll) {
    return;
  }
  selectAll.addEventListener("change", function () {
    locales.forEach(function (locale) {
      locale.checked = selectAll.checked;
    });
  });
})();
