// Review queue: a "select all" box for the bulk actions (no inline script: strict CSP).
document.addEventListener("DOMContentLoaded", () => {
  for (const all of document.querySelectorAll("[data-matching-select-all]")) {
    const form = all.closest("form");
    all.addEventListener("change", () => {
      for (const box of form.querySelectorAll('input[name="suggestions"]')) {
        box.checked = all.checked;
      }
    });
  }
});
