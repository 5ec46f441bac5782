// The print button of the printed sheets (no inline script: the pages run under a strict CSP).
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("[data-matching-print]")) {
    button.addEventListener("click", () => window.print());
  }
});
