// The breadth review page: one card at a time; answer, check (or reveal), then rate it for FSRS.
// The card arrives without its answer: the answer comes only from the check or reveal call.
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
  const card = data.cards[0];
  $("card").hidden = !card;
  $("done").hidden = Boolean(card);
  review.card = card || null;
  if (card) showCard(card);
}

function showCard(card) {
  review.answer = "";
  review.suggested = null;
  $("card").dataset.id = card.id;
  const meta = $("card-meta");
  meta.replaceChildren(
    el("a", { href: PAGE + "?" + PARAM + "=" + encodeURIComponent(card.topic) }, card.topic_title),
    el("span", { class: "tag" }, card.kind),
    el("span", { class: "difficulty " + card.difficulty }, card.difficulty),
    el("span", { class: "tag " + (card.new ? "new" : "review") }, card.new ? "new" : "review"),
  );
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
    : "Write your answer if you like (Ctrl+Enter reveals), then rate yourself.";
  for (const id of ["verdict", "model-answer", "ratings"]) $(id).hidden = true;
  for (const button of document.querySelectorAll("#ratings button")) {
    button.disabled = false;
    button.classList.remove("primary");
  }
  showError("");
  const first = $("answer-input").querySelector("input, textarea");
  if (first) first.focus();
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
  event.preventDefault();
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
    ? "Press 1-4 to rate, or Enter for the suggested rating."
    : "Press 1-4 to rate.";
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
  for (const topic of data.topics) {
    const row = document.querySelector(`#topics tr[data-topic="${topic.topic}"]`);
    if (!row) continue;
    row.querySelector(".due").textContent = topic.due;
    row.querySelector(".new").textContent = topic.new;
    row.querySelector(".total").textContent = topic.total;
    row.querySelector(".recalled").textContent = percent(topic.recalled);
    row.querySelector(".retrievability").textContent = percent(topic.retrievability);
  }
}

function percent(value) {
  return value === null ? "-" : Math.round(value * 100) + "%";
}

function onKey(event) {
  const typing = /^(INPUT|TEXTAREA)$/.test(event.target.tagName) && !event.target.disabled;
  if (event.key === "Enter" && event.ctrlKey && typing) {
    $("answer-form").requestSubmit();
    return;
  }
  if ($("ratings").hidden || typing || event.ctrlKey || event.metaKey || event.altKey) return;
  if (RATING_KEYS.includes(event.key)) {
    event.preventDefault();
    rate(Number(event.key));
  } else if (event.key === "Enter" && review.suggested) {
    event.preventDefault();
    rate(review.suggested);
  }
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
  document.addEventListener("keydown", onKey);
  loadNext().catch((error) => {
    $("card").hidden = false;
    showError(error.message);
  });
});
