// The breadth review page: one card at a time; answer, check (or reveal), then rate it for FSRS.
// The card arrives without its answer: the answer comes only from the check or reveal call. A
// card checked before (then reloaded) arrives with its checked answer, shown again as checked.
// Keys as in Anki: Space or Enter reveals, then 1-4 rate (Space/Enter: the suggested rating),
// U or Ctrl+Z undoes the last rating, - buries, @ suspends, E edits the answer; in a text box
// they are typed, and Escape leaves the box.
// The domain page is the same page: #review's data attributes say which API and page to use,
// and its track picker stores the tracks you chose.
"use strict";

const RATING_KEYS = ["1", "2", "3", "4"];
const deck = document.getElementById("review").dataset;
const API = deck.api || "/api/review";
const PAGE = deck.page || "/review";
const PARAM = deck.param || "topic";
const review = {
  topic: deck.topic,
  card: null,
  answer: "",
  suggested: null,
  busy: false,
};

function $(id) { return document.getElementById(id); }

function scopeQuery() {
  return review.topic ? "?" + PARAM + "=" + encodeURIComponent(review.topic) : "";
}

function cardUrl(card, action) {
  const path = card.id.split("/").map(encodeURIComponent).join("/");
  return API + "/cards/" + path + "/" + action;
}

function showError(message) {
  const box = $("card-error");
  box.textContent = message;
  box.hidden = !message;
}

async function loadNext() {
  const data = await api("GET", API + "/next" + scopeQuery());
  $("to-study").textContent = data.to_study;
  showToday(data.today);
  const card = data.cards[0];
  $("card").hidden = !card;
  $("done").hidden = Boolean(card);
  review.card = card || null;
  if (card) await showCard(card);
}

function showToday(today) {
  for (const key of ["new", "learning", "due"]) $("count-" + key).textContent = today[key];
}

async function showCard(card) {
  review.answer = "";
  review.suggested = null;
  $("card").dataset.id = card.id;
  const meta = $("card-meta");
  meta.replaceChildren(
    el("a", { href: PAGE + "?" + PARAM + "=" + encodeURIComponent(card.topic) }, card.topic_title),
    el("span", { class: "tag" }, card.kind),
    el("span", { class: "difficulty " + card.difficulty }, card.difficulty),
    el("span", { class: "tag " + (card.new ? "new" : "review") }, card.new ? "new" : "review"),
    ...(card.own ? [el("span", { class: "tag own" }, "yours")] : []),
    ...(card.edited ? [el("span", { class: "tag own" }, "your answer")] : []),
  );
  for (const span of document.querySelectorAll("#ratings .interval")) {
    span.textContent = card.intervals[span.dataset.rating];
  }
  const question = $("question");
  question.innerHTML = card.question_html;
  renderMath(question);
  $("answer-input").replaceChildren(answerInput(card));
  renderMath($("answer-input"));
  const graded = card.kind !== "open";
  $("check").textContent = graded ? "Check" : "Reveal";
  $("check").hidden = false;
  $("answer-hint").textContent = graded
    ? "Leave it empty if you do not know."
    : "Space reveals the answer; or write yours first (Ctrl+Enter reveals), then rate yourself.";
  for (const id of ["verdict", "model-answer", "ratings", "answer-tools", "answer-editor"]) {
    $(id).hidden = true;
  }
  for (const button of document.querySelectorAll("#ratings button")) {
    button.disabled = false;
    button.classList.remove("primary");
  }
  showError("");
  if (card.checked) {  // checked before a reload: the same answer, the same verdict
    setAnswer(card, card.checked.answer);
    await submitAnswer();
    return;
  }
  // A number is typed, so its box takes the focus (Enter checks it); an open card's box does
  // not, so that Space reveals at once, as in Anki (click in it to write an answer first).
  const first = $("answer-input").querySelector("input[type=text]");
  if (first) first.focus();
  else if (document.activeElement) document.activeElement.blur();
}

function setAnswer(card, answer) {
  if (card.kind === "choice") {
    const radio = document.querySelector(`#answer input[value="${answerIndex(answer)}"]`);
    if (radio) radio.checked = true;
  } else {
    $("answer").value = answer;
  }
}

function answerIndex(answer) {
  // The API keeps the answer as typed: a number (1-based) or a letter.
  const token = answer.trim().toLowerCase().replace(/[).]$/, "");
  return /^[a-z]$/.test(token) ? token.charCodeAt(0) - 96 : Number(token);
}

function answerInput(card) {
  if (card.kind === "choice") {
    const choices = card.choices_html.map((html, index) => {
      const text = el("span", { class: "choice-text" });
      text.innerHTML = html;
      const radio = el("input", { type: "radio", name: "choice", value: String(index + 1) });
      const letter = el("span", { class: "letter" }, String.fromCharCode(97 + index) + ")");
      return el("label", { class: "choice" }, radio, letter, text);
    });
    return el("fieldset", { class: "choices", id: "answer" }, ...choices);
  }
  if (card.kind === "numeric") {
    return el("input", {
      id: "answer", type: "text", inputmode: "decimal", "aria-label": "Your number",
      placeholder: "A number, like 0.73 or 73%",
    });
  }
  return el("textarea", {
    id: "answer", rows: "5", "aria-label": "Your answer", placeholder: "Your answer (optional)",
  });
}

function currentAnswer() {
  if (review.card.kind === "choice") {
    const picked = document.querySelector("#answer input[name=choice]:checked");
    return picked ? picked.value : "";
  }
  return $("answer").value;
}

async function submitAnswer(event) {
  if (event) event.preventDefault();
  if (!review.card || review.busy || !$("ratings").hidden) return;
  review.busy = true;
  const answer = currentAnswer();
  try {
    const graded = review.card.kind !== "open";
    const data = graded
      ? await api("POST", cardUrl(review.card, "check"), { answer })
      : await api("POST", cardUrl(review.card, "reveal"));
    review.answer = answer;
    showError("");
    if (graded) showVerdict(data);
    const model = $("model-answer");
    model.innerHTML = data.answer_html;
    model.hidden = false;
    renderMath(model);
    review.modelAnswer = data.answer;
    $("answer-tools").hidden = false;
    $("restore-answer").hidden = !review.card.edited || review.card.own;
    offerRatings(graded ? data.suggested_rating : null);
  } catch (error) {
    showError(error.message);
  } finally {
    review.busy = false;
  }
}

function showVerdict(data) {
  const verdict = $("verdict");
  verdict.className = "verdict-line " + (data.correct ? "right" : "wrong");
  verdict.replaceChildren(
    el("b", {}, data.correct ? "Right." : "Wrong."),
    " The answer is " + data.expected,
  );
  verdict.hidden = false;
}

function offerRatings(suggested) {
  review.suggested = suggested;
  for (const input of $("answer-input").querySelectorAll("input, textarea")) input.disabled = true;
  $("check").hidden = true;
  $("answer-hint").textContent = suggested
    ? "Press 1-4 to rate, or Space/Enter for the suggested rating."
    : "Press 1-4 to rate (Space/Enter: Good).";
  for (const button of document.querySelectorAll("#ratings button")) {
    button.classList.toggle("primary", Number(button.dataset.rating) === suggested);
  }
  $("ratings").hidden = false;
  if (document.activeElement) document.activeElement.blur();
}

async function rate(rating) {
  if (!review.card || review.busy || $("ratings").hidden) return;
  review.busy = true;
  const buttons = document.querySelectorAll("#ratings button");
  for (const button of buttons) button.disabled = true;
  try {
    const result = await api("POST", cardUrl(review.card, "rate"), {
      rating, answer: review.answer,
    });
    const note = $("last-rating");
    note.textContent = `${review.card.id}: ${result.rating_name}, next review in ${result.due_in}.`;
    note.hidden = false;
    $("undo-note").textContent = "";
    await refreshCounts();
    await loadNext();
  } catch (error) {
    showError(error.message);
    for (const button of buttons) button.disabled = false;
  } finally {
    review.busy = false;
  }
}

async function refreshCounts() {
  const data = await api("GET", API + "/" + (deck.counts || "topics") + scopeQuery());
  $("to-study").textContent = data.to_study;
  $("new-left").textContent = data.new_left_today;
  showToday(data.today);
  for (const topic of data.topics) {
    const row = document.querySelector(`#topics tr[data-topic="${topic.topic}"]`);
    if (!row) continue;
    row.querySelector(".due").textContent = topic.due;
    row.querySelector(".new").textContent = topic.new;
    row.querySelector(".total").textContent = topic.total;
    row.querySelector(".recalled").textContent = percent(topic.recalled);
    row.querySelector(".retrievability").textContent = recallNow(topic);
  }
}

function percent(value) {
  return value === null ? "-" : Math.round(value * 100) + "%";
}

function recallNow(topic) {  // as the page's recall_now macro writes it
  if (!topic.learning) return percent(topic.retrievability);
  const learning = `${topic.learning} in (re)learning`;
  return topic.retrievability === null ? learning : `${percent(topic.retrievability)}, ${learning}`;
}

function isTyping(target) {
  const typed = target.tagName === "TEXTAREA" || target.tagName === "SELECT" ||
    (target.tagName === "INPUT" && !["radio", "checkbox"].includes(target.type));
  return typed && !target.disabled;
}

function onKey(event) {
  const typing = isTyping(event.target);
  const inCard = $("card").contains(event.target) || event.target === document.body;
  if (event.key === "Enter" && event.ctrlKey && typing && $("answer-form").contains(event.target)) {
    $("answer-form").requestSubmit();
    return;
  }
  if (event.key === "Escape" && typing) {  // out of the answer box: the keys work again
    event.target.blur();
    return;
  }
  if (event.key === "z" && (event.ctrlKey || event.metaKey) && !typing) {
    event.preventDefault();
    undo();
    return;
  }
  if (typing || !inCard || event.ctrlKey || event.metaKey || event.altKey || !review.card) return;
  const action = KEY_ACTIONS[event.key];
  if (action) {
    event.preventDefault();
    action();
  }
}

function spaceOrEnter() {
  if ($("ratings").hidden) $("answer-form").requestSubmit();
  else rate(review.suggested || 3);
}

const KEY_ACTIONS = {
  " ": spaceOrEnter,
  Enter: spaceOrEnter,
  u: () => undo(),
  "-": () => setAside("bury"),
  "@": () => setAside("suspend"),
  e: () => { if (!$("answer-tools").hidden) editAnswer(); },
};
for (const key of RATING_KEYS) {
  KEY_ACTIONS[key] = () => { if (!$("ratings").hidden) rate(Number(key)); };
}

async function act(work) {
  if (review.busy) return;
  review.busy = true;
  try {
    await work();
  } catch (error) {
    showError(error.message);
  } finally {
    review.busy = false;
  }
}

function undo() {
  return act(async () => {
    const undone = await api("POST", API + "/undo");
    $("undo-note").textContent = `Undone: ${undone.rating_name} on ${undone.id}.`;
    $("last-rating").hidden = true;
    await refreshCounts();
    review.card = undone.card;  // studied again at once, as in Anki
    $("card").hidden = false;
    $("done").hidden = true;
    await showCard(undone.card);
  });
}

function setAside(action) {
  if (!review.card) return undefined;
  return act(async () => {
    const card = review.card;
    await api("POST", cardUrl(card, action));
    const item = el("li", { "data-id": card.id }, el("code", {}, card.id),
      action === "bury" ? " buried until tomorrow " : " suspended ",
      el("button", { type: "button", class: "restore", "data-action": action }, "Bring back"));
    $("set-aside").append(item);
    $("set-aside-count").textContent = $("set-aside").children.length;
    $("undo-note").textContent = `${card.id} ${action === "bury" ? "buried" : "suspended"}.`;
    await refreshCounts();
    await loadNext();
  });
}

function bringBack(event) {
  const button = event.target.closest("button.restore");
  if (!button) return undefined;
  const item = button.closest("li");
  const path = item.dataset.id.split("/").map(encodeURIComponent).join("/");
  return act(async () => {
    await api("DELETE", API + "/cards/" + path + "/" + button.dataset.action);
    item.remove();
    $("set-aside-count").textContent = $("set-aside").children.length;
    await refreshCounts();
    if (!review.card) await loadNext();
  });
}

function editAnswer() {
  $("answer-text").value = review.modelAnswer || "";
  $("answer-editor").hidden = false;
  $("answer-text").focus();
}

function saveAnswer(event) {
  event.preventDefault();
  return act(async () => {
    const data = await api("PUT", cardUrl(review.card, "answer"), { answer: $("answer-text").value });
    showModelAnswer(data);
    review.card.edited = !review.card.own;
    $("restore-answer").hidden = review.card.own;
    $("answer-editor").hidden = true;
    $("answer-note").textContent = "Saved: this answer is yours (the bank's is kept).";
  });
}

function restoreAnswer() {
  return act(async () => {
    showModelAnswer(await api("DELETE", cardUrl(review.card, "answer")));
    review.card.edited = false;
    $("restore-answer").hidden = true;
    $("answer-note").textContent = "The bank's answer again.";
  });
}

function showModelAnswer(data) {
  const model = $("model-answer");
  model.innerHTML = data.answer_html;
  renderMath(model);
  review.modelAnswer = data.answer;
}

function newCardFields(form) {
  const field = (name) => form.elements[name].value;
  const card = {
    unit: field("unit"), kind: field("kind"), difficulty: field("difficulty"),
    question: field("question"), answer: field("answer"),
  };
  if (card.kind === "choice") {
    const lines = field("choices").split("\n").map((l) => l.trim()).filter(Boolean);
    card.correct = lines.findIndex((line) => line.startsWith("*"));
    card.choices = lines.map((line) => line.replace(/^\*\s*/, ""));
    if (card.correct < 0) throw new Error("choices: start the right one with *");
  } else if (card.kind === "numeric") {
    card.value = Number(field("value"));
    card.tolerance = Number(field("tolerance"));
    if (!field("value").trim() || Number.isNaN(card.value)) throw new Error("value: a number");
  }
  return card;
}

function addCard(event) {
  event.preventDefault();
  const form = event.target;
  return act(async () => {
    let created;
    try {
      created = await api("POST", API + "/cards", newCardFields(form));
    } catch (error) {
      $("add-note").textContent = error.message;
      return;
    }
    $("add-note").textContent = `Added ${created.id}: it comes as a new card.`;
    form.elements.question.value = "";
    form.elements.answer.value = "";
    await refreshCounts();
    if (!review.card) await loadNext();
  });
}

function showKindFields() {
  const kind = $("add-card").elements.kind.value;
  for (const label of document.querySelectorAll("#add-card .kind-choice")) label.hidden = kind !== "choice";
  for (const label of document.querySelectorAll("#add-card .kind-numeric")) label.hidden = kind !== "numeric";
}

async function importCards(event) {
  const file = event.target.files[0];
  if (!file) return;
  const text = await file.text();
  await act(async () => {
    try {
      const done = await api("POST", API + "/cards.toml", { toml: text, filename: file.name });
      $("import-note").textContent = `Imported: ${done.added} new, ${done.replaced} replaced.`;
      await refreshCounts();
      if (!review.card) await loadNext();
    } catch (error) {
      $("import-note").textContent = "Nothing imported: " + error.message;
    }
  });
  event.target.value = "";
}

function fitParameters() {
  return act(async () => {
    $("fit").disabled = true;
    try {
      const memory = await api("POST", API + "/memory/fit");
      $("parameters").textContent =
        `FSRS fitted to your ${memory.fitted.reviews} ratings on ${memory.fitted.fitted_at.slice(0, 10)}.`;
    } finally {
      if ($("fit")) $("fit").disabled = false;
    }
  });
}

async function saveTracks(event) {
  event.preventDefault();
  const picked = [...document.querySelectorAll("#track-picker input[name=track]:checked")];
  try {
    const saved = await api("PUT", API + "/choice", { tracks: picked.map((box) => box.value) });
    $("tracks-saved").textContent = saved.tracks.length ? "Saved." : "Saved: every track.";
    window.location.reload();
  } catch (error) {
    $("tracks-saved").textContent = error.message;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  if ($("track-picker")) $("track-picker").addEventListener("submit", saveTracks);
  $("answer-form").addEventListener("submit", submitAnswer);
  for (const button of document.querySelectorAll("#ratings button")) {
    button.addEventListener("click", () => rate(Number(button.dataset.rating)));
  }
  $("undo").addEventListener("click", () => undo());
  $("bury").addEventListener("click", () => setAside("bury"));
  $("suspend").addEventListener("click", () => setAside("suspend"));
  $("set-aside").addEventListener("click", bringBack);
  $("edit-answer").addEventListener("click", editAnswer);
  $("answer-editor").addEventListener("submit", saveAnswer);
  $("cancel-edit").addEventListener("click", () => { $("answer-editor").hidden = true; });
  $("restore-answer").addEventListener("click", restoreAnswer);
  $("add-card").addEventListener("submit", addCard);
  $("add-card").elements.kind.addEventListener("change", showKindFields);
  $("import-cards").addEventListener("change", importCards);
  if ($("fit")) $("fit").addEventListener("click", fitParameters);
  document.addEventListener("keydown", onKey);
  loadNext().catch((error) => {
    $("card").hidden = false;
    showError(error.message);
  });
});
