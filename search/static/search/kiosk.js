// The vacancy pages at the shared office PC. Progressive enhancement only:
// every page works without this file. It adds
// - title suggestions while typing (a <datalist> filled from the server), and
// - the return to the start page after some time without input, which clears
//   the form and replaces the current history entry, so the next person finds
//   neither the search terms in the field nor the results in the address bar.
(() => {
  "use strict";
  const kiosk = document.querySelector("[data-kiosk]");
  if (!kiosk) return;
  const startUrl = kiosk.dataset.startUrl;
  const idleSeconds = Number(kiosk.dataset.idleSeconds) || 0;

  function clearForms() {
    document.querySelectorAll("form").forEach((form) => {
      form.querySelectorAll("input").forEach((input) => {
        if (input.type === "checkbox" || input.type === "radio") {
          input.checked = input.defaultChecked = input.type === "radio" && input.value === "";
        } else if (input.type !== "submit" && input.type !== "button" && input.type !== "hidden") {
          input.value = input.defaultValue = "";
        }
      });
    });
    document.querySelectorAll("datalist").forEach((list) => list.replaceChildren());
  }

  function startOver() {
    clearForms();
    // Replace this entry, so "back" does not come back to these results.
    history.replaceState(null, "", startUrl);
    location.replace(startUrl);
  }

  document.querySelectorAll("[data-start-over]").forEach((link) => {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      startOver();
    });
  });

  if (idleSeconds > 0) {
    let timer = 0;
    const onStart = () => location.pathname === new URL(startUrl, location.href).pathname;
    const idle = () => {
      if (onStart() && !document.querySelector("#vacancy-q")?.value) {
        clearForms();
        return;
      }
      startOver();
    };
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(idle, idleSeconds * 1000);
    };
    ["pointerdown", "pointermove", "keydown", "wheel", "touchstart", "input", "scroll"].forEach(
      (name) => window.addEventListener(name, restart, { passive: true, capture: true }),
    );
    // A page shown again from the back/forward cache starts its wait anew.
    window.addEventListener("pageshow", restart);
    restart();
  }

  const field = document.querySelector("input[data-suggest-url]");
  const list = field && document.getElementById(field.getAttribute("list"));
  if (field && list) {
    let timer = 0;
    let controller = null;
    let lastAsked = "";
    field.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const prefix = field.value.trim();
        if (prefix.length < 2 || prefix === lastAsked) return;
        lastAsked = prefix;
        controller?.abort();
        controller = new AbortController();
        const url = new URL(field.dataset.suggestUrl, location.href);
        url.searchParams.set("q", prefix);
        try {
          const response = await fetch(url, {
            signal: controller.signal,
            headers: { Accept: "application/json" },
            credentials: "same-origin",
          });
          if (!response.ok) return;
          const { suggestions } = await response.json();
          list.replaceChildren(
            ...suggestions.map((title) => Object.assign(document.createElement("option"), { value: title })),
          );
        } catch (error) {
          if (error.name !== "AbortError") list.replaceChildren();
        }
      }, 200);
    });
  }
})();
