// Help-centre articles suggested while the customer types (pre-chat question or chat message). Clicking one opens
// it in a new tab and is reported; sending the message reports the list on screen and any opened ones as "sent":
// "sent anyway" after opening an article, otherwise a question the help centre did not answer (the KB gap report
// lists those, as it does for agents' replies). An opened article and no message is "deflected".
const DEBOUNCE_MS = 250;

export function attachSuggestions({ session, input, box, t, language, max = 3 }) {
  let timer = null;
  let lastQuery = "";
  let current = null; // { requestId, articles }: the list for what the customer typed last (possibly empty)
  const opened = new Set(); // request ids whose article the customer opened

  const clear = () => { box.hidden = true; box.textContent = ""; current = null; };

  const render = (result) => {
    box.textContent = "";
    if (!result || result.articles.length === 0) { box.hidden = true; return; }
    const heading = document.createElement("p");
    heading.textContent = t.suggested;
    const list = document.createElement("ul");
    for (const article of result.articles.slice(0, max)) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = article.url;
      link.target = "_blank";
      link.rel = "noopener";
      link.textContent = article.title;
      link.dataset.article = String(article.articleId);
      link.addEventListener("click", () => {
        opened.add(result.requestId);
        session.reportSuggestion(result.requestId, article.articleId, "opened");
      });
      item.appendChild(link);
      list.appendChild(item);
    }
    box.append(heading, list);
    box.hidden = false;
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    const query = input.value.trim();
    if (query.length < 3) { clear(); return; }
    timer = setTimeout(async () => {
      if (query === lastQuery) return;
      lastQuery = query;
      try {
        const result = await session.suggest(query, language);
        if (input.value.trim() === query) { current = result; render(result); }
      } catch {
        clear(); // suggestions are a help, never an obstacle
      }
    }, DEBOUNCE_MS);
  });

  return {
    // The customer sent their message (call once the conversation exists): neither the list they were looking at
    // nor any article they opened answered them.
    sent() {
      clearTimeout(timer);
      const lists = new Set(opened);
      if (current) lists.add(current.requestId);
      for (const requestId of lists) session.reportSuggestion(requestId, null, "sent");
      opened.clear();
      lastQuery = "";
      clear();
    },
  };
}
