// The problem list: filters and search applied as you type, and sorting by a column (the
// recommended order first; click again to reverse). Both are kept for the browser tab.
"use strict";

(function () {
  const ids = ["search", "stage", "group", "difficulty", "topic", "status"];
  const controls = Object.fromEntries(ids.map((id) => [id, document.getElementById(id)]));
  const body = document.querySelector("#problems tbody");
  const rows = [...body.rows];
  const saved = JSON.parse(sessionStorage.getItem("mlprep:filters") || "{}");
  for (const id of ids) if (saved[id]) controls[id].value = saved[id];

  function apply() {
    const f = Object.fromEntries(ids.map((id) => [id, controls[id].value.trim().toLowerCase()]));
    sessionStorage.setItem("mlprep:filters", JSON.stringify(f));
    let shown = 0;
    for (const row of rows) {
      const d = row.dataset;
      const ok = (!f.search || d.title.includes(f.search) || d.topics.includes(f.search))
        && (!f.stage || d.stage === f.stage)
        && (!f.group || d.group === f.group)
        && (!f.difficulty || d.difficulty === f.difficulty)
        && (!f.topic || d.topics.includes("|" + f.topic + "|"))
        && (!f.status || d.status === f.status);
      row.hidden = !ok;
      shown += ok;
    }
    document.getElementById("none").hidden = shown > 0;
  }
  for (const id of ids) controls[id].addEventListener("input", apply);

  // Each column's sort key; ties keep the recommended order. A problem never submitted has no
  // acceptance and goes last whichever way acceptance is sorted.
  const RANK = { easy: 0, medium: 1, hard: 2, new: 0, attempted: 1, solved: 2 };
  const keys = {
    position: (d) => Number(d.position),
    title: (d) => d.title,
    difficulty: (d) => RANK[d.difficulty],
    status: (d) => RANK[d.status],
    acceptance: (d) => (d.acceptance === "" ? null : Number(d.acceptance)),
  };
  const buttons = [...document.querySelectorAll("#problems th button[data-sort]")];

  function sortBy(column, descending) {
    const key = keys[column];
    const sign = descending ? -1 : 1;
    const sorted = [...rows].sort((a, b) => {
      const x = key(a.dataset), y = key(b.dataset);
      if (x === null || y === null) {
        if (x !== y) return x === null ? 1 : -1;
      } else if (x !== y) {
        return sign * (typeof x === "string" ? x.localeCompare(y) : x - y);
      }
      return Number(a.dataset.position) - Number(b.dataset.position);
    });
    body.append(...sorted);
    // In the recommended order, each stage's name heads its first problem.
    const roadmap = column === "position" && !descending;
    sorted.forEach((row, i) => {
      row.querySelector(".stage").hidden = !roadmap || (i > 0 && sorted[i - 1].dataset.stage === row.dataset.stage);
    });
    for (const b of buttons) {
      const th = b.parentElement;
      if (b.dataset.sort === column) th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    }
    sessionStorage.setItem("mlprep:sort", JSON.stringify({ column, descending }));
  }
  for (const b of buttons) {
    b.addEventListener("click", () => {
      const th = b.parentElement;
      sortBy(b.dataset.sort, th.getAttribute("aria-sort") === "ascending");
    });
  }
  const order = JSON.parse(sessionStorage.getItem("mlprep:sort") || "null");
  if (order && keys[order.column]) sortBy(order.column, order.descending);
  else sortBy("position", false);
  apply();
})();
