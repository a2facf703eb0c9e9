// The problem page: the editor with its saved draft, Run and Submit, a run on your own input
// (your output beside the reference's), the live verdict panel, the picture of the output
// (with the expected result over it on a failing sample), hints one at a time, and the
// editorial once solved, with the reference solution beside your accepted code.
"use strict";

(function () {
  const host = document.getElementById("editor");
  const slug = host.dataset.slug;
  const limit = Number(host.dataset.limit);
  const starter = document.getElementById("starter").value;
  const result = document.getElementById("result");
  const buttons = ["run", "submit", "custom-run"].map((id) => document.getElementById(id)).filter(Boolean);
  let busy = false;

  // The draft is saved a moment after typing stops (saving the whole text on every keystroke
  // makes a long paste quadratic), and at once when the page is hidden or left.
  let saveTimer = null;
  const saveDraft = () => { clearTimeout(saveTimer); saveTimer = null; localStorage.setItem(draftKey(slug), code()); };
  const saveSoon = () => { clearTimeout(saveTimer); saveTimer = setTimeout(saveDraft, 250); };
  addEventListener("pagehide", () => saveTimer && saveDraft());
  document.addEventListener("visibilitychange", () => saveTimer && saveDraft());

  const editor = mlprepEditor.createEditor(host, localStorage.getItem(draftKey(slug)) ?? starter, {
    onChange: saveSoon,
    onRun: () => start("run"),
    onSubmit: () => start("submit"),
  });
  window.mlprepView = editor;  // for tests and the console
  const code = () => editor.state.doc.toString();

  document.getElementById("run").addEventListener("click", () => start("run"));
  const customInput = document.getElementById("custom-input");
  if (customInput) {
    const samples = JSON.parse(document.getElementById("sample-inputs").textContent);
    document.getElementById("custom-sample").addEventListener("change", (e) => {
      customInput.value = samples[Number(e.target.value)].input;
    });
    document.getElementById("custom-run").addEventListener("click", () =>
      start("custom-run", { input: customInput.value }));
  }
  document.getElementById("submit").addEventListener("click", () => start("submit"));
  document.getElementById("reset").addEventListener("click", () => {
    if (confirm("Replace your code by the starter code?")) mlprepEditor.setText(editor, starter);
  });

  async function start(action, extra = {}) {
    if (busy) return;
    const text = code();
    const size = new TextEncoder().encode(text).length;
    if (size > limit) {
      showError(`Your code is ${size} bytes; the limit is ${limit} bytes.`);
      return;
    }
    setBusy(true);
    const pending = { run: "Running the samples…", submit: "Judging…" }[action] || "Running on your input…";
    result.replaceChildren(el("p", { class: "pending" }, pending));
    try {
      let job = await api("POST", `/api/problems/${slug}/${action}`, { code: text, ...extra });
      while (job.state !== "done") {
        showProgress(job);
        job = await api("GET", `/api/jobs/${job.id}?after=${job.version}&wait=20`);
      }
      showReport(job);
      if (job.mode === "judge" && job.report && job.report.verdict === "accepted") loadEditorial();
    } catch (e) {
      showError(e.message);
    } finally {
      setBusy(false);
    }
  }

  function setBusy(on) {
    busy = on;
    for (const b of buttons) b.disabled = on;
  }

  function showError(message) {
    result.replaceChildren(el("div", { class: "verdict-line" },
      el("span", { class: "verdict error" }, "Not judged")), el("pre", { class: "error" }, message));
  }

  function showProgress(job) {
    const what = job.state === "queued" ? "Waiting for a free sandbox…"
      : job.total_tests ? `Running test ${Math.min(job.done_tests + 1, job.total_tests)} of ${job.total_tests}…`
      : "Starting…";
    result.replaceChildren(el("p", { class: "pending" }, what));
  }

  const name = (verdict) => verdict.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase());

  function showReport(job) {
    const r = job.report;
    if (!r) { showError(job.error || "The judge gave no report."); return; }
    const parts = [el("div", { class: "verdict-line" },
      el("span", { class: `verdict ${r.verdict}`, id: "verdict" }, name(r.verdict)),
      el("span", {}, r.total ? `${r.passed}/${r.total} tests passed` : ""),
      el("span", { class: "muted" }, `${Math.round(r.seconds * 1000)} ms`),
      job.submission_id ? el("a", { href: `/submissions/${job.submission_id}` }, "saved") : null)];
    if (job.error) parts.push(el("p", { class: "warning" }, job.error));
    if (r.message) parts.push(el("pre", { class: "error" }, r.message));
    const samples = r.tests.filter((t) => t.sample && t.status !== "not_run");
    for (const t of samples) parts.push(job.mode === "custom" ? customBlock(t) : sampleBlock(t));
    const hidden = r.tests.filter((t) => !t.sample);
    if (hidden.length && hidden.some((t) => t.status !== "not_run")) {
      parts.push(el("h3", {}, "Hidden tests"));
      parts.push(el("div", { class: "chips", id: "hidden-tests" }, ...hidden.map((t) =>
        el("span", { class: `chip ${t.passed || t.status === "passed" ? "pass" : t.status === "not_run" ? "skip" : "fail"}`,
          title: `${t.category}: ${t.status.replaceAll("_", " ")}` }, String(t.index + 1)))));
      const failed = hidden.find((t) => t.status !== "passed" && t.status !== "not_run");
      if (failed) parts.push(el("p", { class: "muted" },
        `First failing hidden test: #${failed.index + 1} (${failed.category}), ${failed.status.replaceAll("_", " ")}.`));
    }
    if (job.picture) {
      const where = job.mode === "custom" ? "your input" : `sample ${job.picture_case}`;
      parts.push(el("h3", { id: "picture-title" }, job.picture_expected
        ? `Your output on ${where}, the expected result in green` : `Your output on ${where}`));
      parts.push(el("img", { class: "picture", id: "picture", alt: `Your output drawn on ${where}`,
        src: `/api/jobs/${job.id}/picture.png` }));
    }
    if (r.stdout && r.stdout.trim()) {
      parts.push(el("h3", {}, "Your output (stdout and stderr)"), el("pre", {}, r.stdout));
    }
    result.replaceChildren(...parts);
  }

  function sampleBlock(t) {
    const ok = t.status === "passed";
    const block = el("details", { class: `sample ${ok ? "pass" : "fail"}` });
    if (!ok) block.open = true;
    block.append(el("summary", {}, `${ok ? "✓" : "✗"} Sample ${t.index + 1} (${t.name}): ${t.status.replaceAll("_", " ")}`,
      el("span", { class: "muted" }, ` ${t.seconds ? (t.seconds * 1000).toFixed(1) + " ms" : ""}`)));
    const grid = el("div", { class: "io" });
    grid.append(el("h4", {}, "Input"), el("pre", {}, t.input));
    grid.append(el("h4", {}, "Expected"), el("pre", {}, t.expected));
    if (t.actual) grid.append(el("h4", {}, "Yours"), el("pre", {}, t.actual));
    if (t.message) grid.append(el("h4", {}, ok ? "Note" : "Difference"), el("pre", { class: "diff" }, t.message));
    block.append(grid);
    return block;
  }

  // A run on your own input: the input, the reference's output beside yours (lines that
  // differ marked), and where they first differ.
  function customBlock(t) {
    const ok = t.status === "passed";
    const block = el("div", { class: `sample custom-result ${ok ? "pass" : "fail"}`, id: "custom-result" });
    block.append(el("h4", {}, "Your input"), el("pre", {}, t.input));
    const yours = t.actual ? marked(t.actual, t.expected) : el("pre", { class: "muted" }, "no output");
    block.append(el("div", { class: "compare" },
      el("div", {}, el("h4", {}, "Reference output"), el("pre", { id: "reference-output" }, t.expected)),
      el("div", {}, el("h4", {}, "Your output"), yours)));
    if (t.message) block.append(el("h4", {}, ok ? "Note" : "Difference"), el("pre", { class: "diff" }, t.message));
    return block;
  }

  function marked(text, reference) {
    const theirs = reference.split("\n");
    return el("pre", { id: "your-output" }, ...text.split("\n").map((line, i) =>
      el("span", line === theirs[i] ? {} : { class: "differs" }, line + "\n")));
  }

  // Hints, revealed one at a time and remembered by the server.
  const hintList = document.getElementById("hint-list");
  const hintButton = document.getElementById("reveal-hint");
  function showHints(h) {
    hintList.replaceChildren(...h.revealed.map((text) => el("li", {}, text)));
    hintButton.hidden = h.revealed.length >= h.total;
    hintButton.textContent = h.revealed.length ? `Show hint ${h.revealed.length + 1} of ${h.total}` : "Show a hint";
  }
  const sentence = (text) => text.charAt(0).toUpperCase() + text.slice(1) + ".";
  function hintsLocked(e) {  // an interview-mode mock loop, say: the reason replaces the hints
    hintList.replaceChildren(el("li", { class: "muted locked" }, sentence(e.message)));
    hintButton.hidden = true;
  }
  if (hintList) {
    api("GET", `/api/problems/${slug}/hints`).then(showHints).catch(hintsLocked);
    hintButton.addEventListener("click", () =>
      api("POST", `/api/problems/${slug}/hints`).then(showHints).catch(hintsLocked));
  }

  // The editorial, once there is an accepted submission.
  async function loadEditorial() {
    const body = document.getElementById("editorial-body");
    if (!body) return;
    try {
      const e = await api("GET", `/api/problems/${slug}/editorial`);
      body.innerHTML = e.html;  // rendered by the server from the project's own Markdown
      document.getElementById("editorial-locked").hidden = true;
      renderMath(body);
      document.getElementById("reference-code").textContent = e.reference;
      if (e.yours) {
        document.getElementById("your-code").textContent = e.yours.source;
        document.getElementById("your-code-title").textContent =
          `Yours (submission ${e.yours.submission_id})`;
      }
      document.getElementById("solutions").hidden = false;
    } catch (e) {  // still locked: not accepted yet, or an interview-mode mock loop
      document.getElementById("editorial-locked").textContent = sentence(e.message);
    }
  }
  loadEditorial();
})();
