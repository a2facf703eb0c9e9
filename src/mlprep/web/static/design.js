// The design mock (/design/<case>), a prompt (/prompts/<round>/<id>) and the mock loop (/mock).
// Every answer goes through the JSON API; drafts live in localStorage so a reload loses nothing.
"use strict";

const RATING_NAMES = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" };

function loadJSON(key) {
  try { return JSON.parse(localStorage.getItem(key)) || null; } catch (e) { return null; }
}

function saveJSON(key, value) { localStorage.setItem(key, JSON.stringify(value)); }

function showError(message) {
  const box = document.getElementById("error");
  box.textContent = message || "";
  box.hidden = !message;
}

// Run an async action; its error is shown on the page instead of being lost.
async function guarded(action) {
  showError("");
  try { return await action(); } catch (e) { showError(e.message); return undefined; }
}

function clockText(ms) {
  const total = Math.round(Math.abs(ms) / 1000);
  const text = Math.floor(total / 60) + ":" + String(total % 60).padStart(2, "0");
  return ms < 0 ? "-" + text : text;
}

// A countdown to endMs in element el; the time is a guide, so it runs on past zero.
function countdown(el, endMs) {
  if (el._timer) clearInterval(el._timer);
  const tick = () => {
    const left = endMs - Date.now();
    el.textContent = clockText(left);
    el.classList.toggle("over", left < 0);
  };
  tick();
  el._timer = setInterval(tick, 1000);
}

function setHtml(node, html) {
  node.innerHTML = html;
  renderMath(node);
  return node;
}

// A rubric or checklist: one checkbox per point, pre-ticked where the matcher found it.
function pointList(points, group) {
  const list = el("ul", { class: "checklist" });
  points.forEach((p, index) => {
    const box = el("input", { type: "checkbox", "data-group": group, "data-index": index });
    box.checked = p.covered;
    const found = p.found.length ? el("span", { class: "found" }, "in your answer: " + p.found.join(", ")) : null;
    list.append(el("li", {}, el("label", {}, box, " ", p.point), found));
  });
  return list;
}

function ticked(root, group) {
  return [...root.querySelectorAll(`input[type=checkbox][data-group="${group}"]`)]
    .filter((box) => box.checked).map((box) => Number(box.dataset.index));
}

function ratingChoice(name, suggested) {
  const row = el("div", { class: "ratings", role: "radiogroup" }, el("span", {}, "Your rating:"));
  for (const value of [1, 2, 3, 4]) {
    const input = el("input", { type: "radio", name, value, "data-rating-for": name });
    input.checked = value === suggested;
    row.append(el("label", {}, input, ` ${value} ${RATING_NAMES[value]}`));
  }
  return row;
}

function chosenRating(root, name) {
  const picked = root.querySelector(`input[type=radio][name="${name}"]:checked`);
  return picked ? Number(picked.value) : null;
}

// Text fields carry data-answer="<key>", choice radios data-choice="<key>".
function collectAnswers(root) {
  const answers = {};
  for (const field of root.querySelectorAll("[data-answer]")) answers[field.dataset.answer] = field.value;
  for (const radio of root.querySelectorAll("input[type=radio][data-choice]:checked")) {
    answers[radio.dataset.choice] = radio.value;
  }
  return answers;
}

function restoreAnswers(root, answers) {
  for (const [key, value] of Object.entries(answers || {})) {
    const field = root.querySelector(`[data-answer="${CSS.escape(key)}"]`);
    if (field) field.value = value;
    const radio = root.querySelector(
      `input[type=radio][data-choice="${CSS.escape(key)}"][value="${CSS.escape(value)}"]`);
    if (radio) radio.checked = true;
  }
}

function stepScoring(step, group) {
  return el("div", { class: "score-step panel", "data-key": step.key },
    el("h3", {}, step.title),
    el("div", { class: "side-by-side" },
      el("div", {}, el("h4", {}, "Your answer"),
        el("div", { class: "answer-text" }, step.answer || "(no answer)")),
      el("div", {}, el("h4", {}, "Rubric"), pointList(step.points, group))));
}

// --- the design mock --------------------------------------------------------------------------

function designMock(root) {
  const slug = root.dataset.case;
  const key = "mlprep:design:" + slug;
  const $ = (id) => document.getElementById(id);
  const fields = [...root.querySelectorAll("textarea[data-key]")];
  let state = loadJSON(key);

  const answers = () => Object.fromEntries(fields.map((f) => [f.dataset.key, f.value]));
  const remember = () => { if (state) { state.answers = answers(); saveJSON(key, state); } };

  function showWriting(session) {
    $("setup").hidden = true;
    $("writing").hidden = false;
    $("scoring").hidden = true;
    const end = new Date(session.started_at).getTime() + session.minutes * 60000;
    countdown($("timer"), end);
    for (const step of session.case.steps) {
      const label = root.querySelector(`.step[data-key="${step.key}"] .step-minutes`);
      if (label) label.textContent = step.minutes_label;
    }
    for (const field of fields) {
      const draft = (state.answers || {})[field.dataset.key];
      field.value = draft !== undefined ? draft : (session.answers[field.dataset.key] || "");
    }
  }

  async function resume() {
    if (!state || !state.uid) return;
    const session = await api("GET", "/api/design/sessions/" + state.uid).catch(() => null);
    if (!session || session.finished) { localStorage.removeItem(key); state = null; return; }
    showWriting(session);
  }

  async function start() {
    const minutes = Number($("minutes").value);
    const session = await api("POST", "/api/design/sessions", { case: slug, minutes });
    state = { uid: session.uid, answers: {} };
    saveJSON(key, state);
    showWriting(session);
  }

  async function save() {
    const estimates = await api("PUT", `/api/design/sessions/${state.uid}/answers`, { answers: answers() });
    $("saved-at").textContent = "Saved at " + new Date().toLocaleTimeString();
    return estimates;
  }

  async function score() {
    const estimates = await save();
    const box = $("score-steps");
    box.replaceChildren(...estimates.map((step) => stepScoring(step, step.key)));
    $("writing").hidden = true;
    $("scoring").hidden = false;
    window.scrollTo(0, 0);
  }

  async function finish() {
    const ticks = {};
    for (const step of root.querySelectorAll(".score-step")) ticks[step.dataset.key] = ticked(step, step.dataset.key);
    const report = await api("POST", `/api/design/sessions/${state.uid}/finish`, { ticks });
    localStorage.removeItem(key);
    $("scoring").hidden = true;
    setHtml($("report"), report.html).hidden = false;
    clearInterval($("timer")._timer);
    window.scrollTo(0, 0);
  }

  fields.forEach((f) => f.addEventListener("input", remember));
  $("start").addEventListener("click", () => guarded(start));
  $("save").addEventListener("click", () => guarded(save));
  $("score").addEventListener("click", () => guarded(score));
  $("back").addEventListener("click", () => { $("scoring").hidden = true; $("writing").hidden = false; });
  $("finish").addEventListener("click", () => guarded(finish));
  guarded(resume);
}

// --- one prompt -------------------------------------------------------------------------------

function promptAnswer(root) {
  const url = `/api/prompts/${root.dataset.round}/${root.dataset.id}`;
  const key = "mlprep:prompt:" + root.dataset.round + "/" + root.dataset.id;
  const $ = (id) => document.getElementById(id);
  const fields = [...root.querySelectorAll("textarea[data-key]")];
  const parts = () => Object.fromEntries(fields.map((f) => [f.dataset.key, f.value]));
  const draft = loadJSON(key) || {};
  fields.forEach((f) => {
    f.value = draft[f.dataset.key] || "";
    f.addEventListener("input", () => saveJSON(key, parts()));
  });

  async function check() {
    const estimate = await api("POST", url + "/estimate", { answers: parts() });
    const list = pointList(estimate.points, "checklist");
    $("checklist").replaceWith(Object.assign(list, { id: "checklist" }));
    $("follow-ups").replaceChildren(...estimate.follow_ups.map((q) => el("li", {}, q)));
    suggest(estimate.suggested_rating);
    list.addEventListener("change", () => {
      const share = ticked(root, "checklist").length / estimate.points.length;
      suggest(1 + Math.round(3 * share));
    });
    $("feedback").hidden = false;
  }

  function suggest(rating) {
    const radio = root.querySelector(`input[name=rating][value="${rating}"]`);
    if (radio) radio.checked = true;
  }

  async function save() {
    const rating = chosenRating(root, "rating");
    if (!rating) throw new Error("choose a rating from 1 to 4 first");
    const saved = await api("POST", url + "/answers", { parts: parts(), rating });
    localStorage.removeItem(key);
    setHtml($("saved"), "<p><b>Saved.</b></p>" + saved.report_html).hidden = false;
  }

  $("check").addEventListener("click", () => guarded(check));
  $("save").addEventListener("click", () => guarded(save));
}

// --- the mock loop ----------------------------------------------------------------------------
// The server keeps the loop's whole state (when each round began, its draft, what was checked),
// so a reload, or another browser, picks the loop up where it was. This page also keeps the
// loop's id and a copy of each round's draft, written at every keystroke: a reload right after
// one must not depend on the request that carries it arriving first.

function mockLoop(root) {
  const key = "mlprep:mock";
  const $ = (id) => document.getElementById(id);
  let local = loadJSON(key) || {};
  let uid = local.uid || null;
  let current = null; // the round on screen
  let saveTimer = null;

  const roundUrl = (suffix) => `/api/mock/loops/${uid}/rounds/${current.index}/${suffix}`;

  async function startLoop() {
    const rounds = [...root.querySelectorAll("input[name=round]:checked")].map((b) => b.value);
    const minutes = {};
    for (const input of root.querySelectorAll(".round-minutes")) minutes[input.dataset.round] = Number(input.value);
    const questions = Number($("questions").value);
    const interview = $("interview").checked;
    const view = await api("POST", "/api/mock/loops", { rounds, minutes, questions, interview });
    uid = view.uid;
    local = { uid, drafts: {} };
    saveJSON(key, local);
    await run(view);
  }

  async function run(view) {
    $("compose").hidden = true;
    $("interview-note").hidden = !view.interview;
    let next = view.rounds.find((r) => !r.done);
    if (!next) return finishLoop();
    $("loop").hidden = false;
    current = next;
    if (!next.began_at) {
      next = await api("POST", roundUrl("begin"));
      current = next;
    }
    $("round-title").textContent = next.title;
    $("round-count").textContent = `round ${next.index + 1} of ${view.rounds.length}`;
    countdown($("round-timer"), new Date(next.began_at).getTime() + next.minutes * 60000);
    const body = $("round-body");
    body.replaceChildren(...renderRound(next));
    renderMath(body);
    $("round-feedback").replaceChildren();
    const draft = (local.drafts || {})[next.index] || next.draft || {};
    restoreAnswers(body, draft.answers);
    if (next.checked) showFeedback(next.checked, draft);
    body.oninput = body.onchange = saveSoon;
    $("round-feedback").onchange = saveSoon;
    $("check-round").hidden = next.kind === "coding";
    $("submit-round").textContent = next.kind === "coding" ? "Done: score my submission" : "Finish round";
    window.scrollTo(0, 0);
  }

  // What the round holds now: answers, and the ticks and ratings given after Check.
  function roundInput() {
    const input = { answers: collectAnswers($("round-body")), ticks: {}, ratings: {}, rating: null };
    const box = $("round-feedback");
    if (isQuestionRound(current)) {
      for (const q of current.questions) {
        const rating = chosenRating($("round-body"), "rate-" + q.id);
        if (rating) input.ratings[q.id] = rating;
      }
    } else if (current.kind === "design") {
      for (const step of box.querySelectorAll(".score-step")) input.ticks[step.dataset.key] = ticked(step, step.dataset.key);
    } else if (current.kind !== "coding") {
      input.rating = chosenRating(box, "prompt-rating");
    }
    return input;
  }

  function saveSoon() {
    clearTimeout(saveTimer);
    const index = current.index;
    const input = roundInput();
    local.drafts = { ...(local.drafts || {}), [index]: input };
    saveJSON(key, local);
    saveTimer = setTimeout(() => {
      saveTimer = null;
      guarded(() => api("PUT", `/api/mock/loops/${uid}/rounds/${index}/draft`, input));
    }, 400);
  }

  // On leaving the page: a keepalive request outlives the page, so a reload loses no keystroke.
  function saveNow() {
    clearTimeout(saveTimer);
    saveTimer = null;
    fetch(roundUrl("draft"), {
      method: "PUT", keepalive: true, headers: { "Content-Type": "application/json" },
      body: JSON.stringify(roundInput()),
    });
  }

  function isQuestionRound(round) {  // breadth and domain: a list of questions to answer
    return round.kind === "breadth" || round.kind === "domain";
  }

  function renderRound(round) {
    if (round.kind === "coding") {
      return [el("p", {}, "Solve ", el("a", { href: round.problem.url, target: "_blank", id: "problem-link" },
        round.problem.title), " in the editor (a new tab) and submit it there. Then press Done: ",
        "your best submission since this round began is scored.")];
    }
    if (isQuestionRound(round)) return round.questions.map(questionBlock);
    if (round.kind === "design") {
      const c = round.case;
      return [el("h3", {}, c.title), setHtml(el("div", { class: "prose brief" }), c.brief_html),
        ...c.steps.map((s) => el("div", { class: "step panel", "data-key": s.key },
          el("h4", {}, s.title, " ", el("span", { class: "muted step-minutes" }, s.minutes_label)),
          el("p", {}, s.prompt),
          el("textarea", { rows: 4, "data-answer": s.key, "aria-label": s.title })))];
    }
    const p = round.prompt;
    return [el("h3", { class: "prompt-text" }, p.prompt),
      ...p.parts.map((part) => el("div", { class: "part" },
        el("label", {}, el("b", {}, part.title), " ", el("span", { class: "muted" }, part.guide)),
        el("textarea", { rows: p.parts.length > 1 ? 3 : 8, "data-answer": part.key })))];
  }

  function questionBlock(q, number) {
    const block = el("div", { class: "question panel", "data-id": q.id },
      el("p", { class: "muted" }, `Question ${number + 1} · ${q.topic}`));
    block.append(setHtml(el("div", { class: "prose" }), q.question_html));
    if (q.kind === "choice") {
      q.choices_html.forEach((html, i) => {
        const letter = String.fromCharCode(97 + i);
        const radio = el("input", { type: "radio", name: "choice-" + q.id, value: letter, "data-choice": q.id });
        block.append(el("label", { class: "choice" }, radio, ` ${letter}) `,
          setHtml(el("span", { class: "choice-text" }), html)));
      });
    } else if (q.kind === "numeric") {
      block.append(el("input", { type: "text", "data-answer": q.id, "aria-label": "Your number", inputmode: "decimal" }));
    } else {
      block.append(el("textarea", { rows: 3, "data-answer": q.id, "aria-label": "Your answer" }));
    }
    block.append(el("div", { class: "question-feedback" }));
    return block;
  }

  // The feedback of a Check, with the ratings or ticks already given (draft) put back.
  function showFeedback(feedback, draft) {
    const body = $("round-body");
    const box = $("round-feedback");
    if (isQuestionRound(current)) {
      for (const q of feedback.questions) {
        const block = body.querySelector(`.question[data-id="${CSS.escape(q.id)}"] .question-feedback`);
        const verdict = el("p", { class: q.correct === false ? "wrong" : "right" });
        if (q.correct === null) verdict.textContent = "Model answer:";
        else setHtml(verdict, (q.correct ? "Right: " : "Wrong: ") + q.expected_html.replace(/<\/?p>/g, ""));
        const parts = [verdict, setHtml(el("div", { class: "prose model-answer" }), q.answer_html)];
        if (q.correct === null) parts.push(ratingChoice("rate-" + q.id, (draft.ratings || {})[q.id] || null));
        block.replaceChildren(...parts);
      }
      // Checked once: the answers are fixed, as an interviewer would hold them.
      for (const input of body.querySelectorAll("[data-answer], input[data-choice]")) input.disabled = true;
    } else if (current.kind === "design") {
      box.replaceChildren(el("h3", {}, "Score yourself"),
        ...feedback.steps.map((step) => stepScoring(step, step.key)));
      for (const [stepKey, indexes] of Object.entries(draft.ticks || {})) {
        for (const boxEl of box.querySelectorAll(`input[data-group="${CSS.escape(stepKey)}"]`)) {
          boxEl.checked = indexes.includes(Number(boxEl.dataset.index));
        }
      }
    } else {
      const p = feedback.prompt;
      box.replaceChildren(el("h3", {}, "What a strong answer shows"), pointList(p.points, "checklist"),
        el("h3", {}, "Follow-ups"), el("ul", {}, ...p.follow_ups.map((q) => el("li", {}, q))),
        ratingChoice("prompt-rating", draft.rating || p.suggested_rating));
    }
  }

  async function checkRound() {
    const input = roundInput();
    const feedback = await api("POST", roundUrl("check"), input);
    showFeedback(feedback, input);
  }

  async function submitRound() {
    const input = roundInput();
    if (isQuestionRound(current)) {
      for (const q of current.questions) {
        if (q.kind === "open" && !input.ratings[q.id]) throw new Error("press Check, then rate yourself on the open questions");
      }
    } else if (current.kind === "design") {
      if (!$("round-feedback").querySelector(".score-step")) throw new Error("press Check to score your steps first");
    } else if (current.kind !== "coding" && !input.rating) {
      throw new Error("press Check, then rate yourself 1-4");
    }
    clearTimeout(saveTimer);
    saveTimer = null;
    await api("POST", roundUrl("submit"), input);
    delete (local.drafts || {})[current.index];
    saveJSON(key, local);
    await run(await api("GET", "/api/mock/loops/" + uid));
  }

  async function finishLoop() {
    const report = await api("POST", `/api/mock/loops/${uid}/finish`);
    localStorage.removeItem(key);
    uid = null;
    $("loop").hidden = true;
    $("interview-note").hidden = true;
    clearInterval($("round-timer")._timer);
    setHtml($("loop-report"), report.html).hidden = false;
    $("again").hidden = false;
    window.scrollTo(0, 0);
  }

  async function resume() {
    if (!uid) return;
    const view = await api("GET", "/api/mock/loops/" + uid).catch(() => null);
    if (!view || view.finished) { localStorage.removeItem(key); uid = null; return; }
    await run(view);
  }

  $("start-loop").addEventListener("click", () => guarded(startLoop));
  $("check-round").addEventListener("click", () => guarded(checkRound));
  $("submit-round").addEventListener("click", () => guarded(submitRound));
  $("new-loop").addEventListener("click", () => location.reload());
  window.addEventListener("pagehide", () => { if (saveTimer && current && uid) saveNow(); });
  guarded(resume);
}

document.addEventListener("DOMContentLoaded", () => {
  const design = document.getElementById("design-mock");
  if (design) designMock(design);
  const prompt = document.getElementById("prompt-answer");
  if (prompt) promptAnswer(prompt);
  const loopRoot = document.getElementById("mock-loop");
  if (loopRoot) mockLoop(loopRoot);
});
