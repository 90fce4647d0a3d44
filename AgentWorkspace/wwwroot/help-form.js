// The help centre's request form (/help/new), progressively enhanced: suggestions from the help centre while the customer
// types, and file checks before anything is sent. The form works without this script; the server checks everything again.
// Events are delegated from the document, so the form keeps working after Blazor's enhanced navigation swaps the page.
(() => {
  const debounceMs = 300;
  let timer = 0;
  let lastQuery = "";
  let controller = null;

  const formOf = (element) => element.closest("form[data-webform]");

  function queryOf(form) {
    const text = [...form.querySelectorAll("[data-webform-query]")].map((field) => field.value.trim()).filter(Boolean).join("\n");
    return text.length > 2000 ? text.slice(-2000) : text;
  }

  async function suggest(form) {
    const query = queryOf(form);
    const region = form.querySelector("[data-webform-suggestions]");
    if (!region || query === lastQuery) return;
    lastQuery = query;
    controller?.abort();
    if (query.length < 3) {
      show(form, region, []);
      return;
    }
    controller = new AbortController();
    try {
      const response = await fetch(`/help/new/suggestions?q=${encodeURIComponent(query)}`, {
        headers: { Accept: "application/json" },
        signal: controller.signal,
      });
      if (!response.ok) return; // Rate limited or refused: keep what is shown; the form still works.
      const result = await response.json();
      form.querySelector("[data-webform-request]").value = result.articles.length > 0 ? result.requestId : "";
      show(form, region, result.articles);
    } catch (error) {
      if (error.name !== "AbortError") console.warn("Help-centre suggestions are unavailable", error);
    }
  }

  // Built with DOM calls and textContent only: an article's title never becomes markup.
  function show(form, region, articles) {
    const helpCentre = `${location.origin}/help/`;
    const safe = articles.filter((a) => typeof a.url === "string" && a.url.startsWith(helpCentre));
    if (safe.length === 0) {
      region.replaceChildren();
      return;
    }
    const heading = document.createElement("h2");
    heading.textContent = region.dataset.heading;
    const list = document.createElement("ul");
    for (const article of safe) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = article.url;
      link.target = "_blank";
      link.rel = "noopener";
      link.lang = article.language;
      link.dataset.testid = "webform-suggestion";
      link.dataset.article = article.articleId;
      link.textContent = article.title;
      const note = document.createElement("span");
      note.className = "wf-new-tab";
      note.textContent = ` ${region.dataset.newTab}`;
      link.append(note);
      item.append(link);
      list.append(item);
    }
    const box = document.createElement("section");
    box.setAttribute("aria-label", region.dataset.heading);
    box.append(heading, list);
    region.replaceChildren(box);
  }

  function checkFiles(input) {
    const form = formOf(input);
    const error = form.querySelector("#wf-attachments-error");
    const maxFiles = Number(form.dataset.maxFiles);
    const maxFile = Number(form.dataset.maxFileBytes);
    const maxTotal = Number(form.dataset.maxTotalBytes);
    const files = [...input.files];
    const megabytes = (bytes) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
    let message = "";
    const tooLarge = files.find((file) => file.size > maxFile);
    if (files.length > maxFiles) message = form.dataset.tooMany;
    else if (tooLarge) message = form.dataset.tooLarge.replace("{0}", tooLarge.name).replace("{1}", megabytes(maxFile));
    else if (files.reduce((sum, file) => sum + file.size, 0) > maxTotal) message = form.dataset.tooLargeTotal;
    input.setCustomValidity(message);
    input.setAttribute("aria-invalid", message ? "true" : "false");
    if (error) error.textContent = message;
  }

  document.addEventListener("input", (event) => {
    const field = event.target;
    if (!(field instanceof HTMLElement) || !field.matches("[data-webform-query]")) return;
    const form = formOf(field);
    if (!form) return;
    clearTimeout(timer);
    timer = setTimeout(() => suggest(form), debounceMs);
  });

  // An opened suggestion is reported once the click happened (a beacon survives the new tab taking focus).
  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("form[data-webform] [data-webform-suggestions] a[data-article]") : null;
    const request = link ? formOf(link).querySelector("[data-webform-request]").value : "";
    if (!link || !request) return;
    navigator.sendBeacon(`/help/new/suggestions/opened?request=${encodeURIComponent(request)}&article=${encodeURIComponent(link.dataset.article)}`);
  });

  document.addEventListener("change", (event) => {
    if (event.target instanceof HTMLInputElement && event.target.matches("form[data-webform] input[type=file]")) checkFiles(event.target);
  });

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.matches("[data-webform]")) return;
    const button = form.querySelector("button[type=submit]");
    if (form.dataset.busy === "true") {
      event.preventDefault(); // A second click while the first request travels: one ticket, not two.
      return;
    }
    form.dataset.busy = "true";
    if (button) {
      button.dataset.label = button.textContent;
      button.setAttribute("aria-disabled", "true");
      button.textContent = form.dataset.sendingLabel;
    }
  });

  // Back from the confirmation (the page comes from the browser's cache as it was left): the form can be sent again.
  window.addEventListener("pageshow", (event) => {
    const form = document.querySelector("form[data-webform]");
    const button = form?.querySelector("button[type=submit]");
    if (!event.persisted || !form || form.dataset.busy !== "true") return;
    form.dataset.busy = "false";
    button?.removeAttribute("aria-disabled");
    if (button?.dataset.label) button.textContent = button.dataset.label;
  });

  // The form came back with text in it (an error to fix): show what the help centre has for it straight away.
  function start() {
    const form = document.querySelector("form[data-webform]");
    if (form && queryOf(form).length >= 3) suggest(form);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
