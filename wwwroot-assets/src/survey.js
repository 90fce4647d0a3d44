// The satisfaction survey asked inline once the chat's ticket is resolved (the server pushes "Survey", or the widget asks
// after a reload). The answer goes back through the hub; the server takes one answer per survey and says why it refused.
const el = (tag, attrs = {}, children = []) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "text") node.textContent = value;
    else if (key === "hidden") node.hidden = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.appendChild(child);
  return node;
};

const MAX_COMMENT = 1000;

function scale(name, count, legend, words) {
  const choices = [];
  for (let i = 1; i <= count; i++) {
    const input = el("input", { type: "radio", name, value: String(i), id: `${name}-${i}`, "data-testid": `${name}-${i}` });
    const word = words[i] || "";
    choices.push(el("label", { class: "choice", for: `${name}-${i}`, title: word }, [input, el("span", { class: "n", text: String(i) }),
      el("span", { class: "w", text: word })]));
  }
  return el("fieldset", { class: "scale" }, [el("legend", { text: legend }), el("div", { class: `choices c${count}` }, choices)]);
}

export function attachSurvey({ session, host, t }) {
  const s = t.survey;
  const csat = scale("aw-csat", 5, s.csatQuestion, { 1: s.csat[1], 2: s.csat[2], 3: s.csat[3], 4: s.csat[4], 5: s.csat[5] });
  const ces = scale("aw-ces", 7, s.cesQuestion, { 1: s.ces1, 7: s.ces7 });
  const reason = el("select", { id: "aw-reason", "data-testid": "aw-reason" },
    [el("option", { value: "", text: s.reasonNone }), ...Object.entries(s.reasons).map(([code, text]) => el("option", { value: code, text }))]);
  const reasonBox = el("div", { class: "field", hidden: true }, [el("label", { for: "aw-reason", text: s.reasonQuestion }), reason]);
  const comment = el("textarea", { id: "aw-survey-comment", rows: "2", maxlength: String(MAX_COMMENT), "data-testid": "aw-survey-comment" });
  const error = el("p", { class: "error", role: "alert", hidden: true, "data-testid": "aw-survey-error" });
  const submit = el("button", { class: "primary", type: "submit", text: s.send, "data-testid": "aw-survey-send" });
  const form = el("form", { class: "survey", novalidate: "", "aria-label": s.title, hidden: true, "data-testid": "aw-survey" }, [
    el("p", { class: "survey-title", text: s.title }), csat, reasonBox, ces,
    el("div", { class: "field" }, [el("label", { for: "aw-survey-comment", text: s.comment }), comment]), error, submit,
  ]);
  const thanks = el("p", { class: "notice", role: "status", hidden: true, "data-testid": "aw-survey-thanks" });
  host.appendChild(form);
  host.appendChild(thanks);

  const chosen = (name) => {
    const checked = form.querySelector(`input[name="${name}"]:checked`);
    return checked ? Number(checked.value) : null;
  };
  form.addEventListener("change", () => { reasonBox.hidden = !(chosen("aw-csat") <= 2 && chosen("aw-csat") !== null); });

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const answer = { csat: chosen("aw-csat"), ces: chosen("aw-ces"), reason: reason.value || null, comment: comment.value || null };
    if (answer.comment && answer.comment.length > MAX_COMMENT) { show(s.problems.CommentTooLong(MAX_COMMENT)); return; }
    submit.disabled = true;
    try {
      const result = await session.answerSurvey(answer);
      if (result.outcome === "invalid") {
        show(result.problems.map(({ code }) => (typeof s.problems[code] === "function" ? s.problems[code](MAX_COMMENT) : s.problems[code] || code)).join(" "));
        return;
      }
      form.hidden = true;
      thanks.textContent = result.outcome === "thanks" ? s.thanks : result.outcome === "already_answered" ? s.already : s.expired;
      thanks.hidden = false;
    } catch (err) {
      show((err.message || String(err)).replace(/^.*HubException: /, ""));
    } finally {
      submit.disabled = false;
    }
  });

  function show(message) {
    error.textContent = message;
    error.hidden = false;
  }

  // Shows the form for an open survey of the chat's current ticket; anything else hides it.
  return function render(survey, ticket) {
    const open = !!survey && survey.state === "open" && !!ticket && survey.number === ticket.number && (ticket.status === "resolved" || ticket.status === "closed");
    if (open && form.hidden && thanks.hidden) {
      error.hidden = true;
      form.hidden = false;
    } else if (!open) {
      form.hidden = true;
    }
  };
}
