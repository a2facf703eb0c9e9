// The problem list's filters and search, applied as you type.
"use strict";

(function () {
  const ids = ["search", "group", "difficulty", "topic", "status"];
  const controls = Object.fromEntries(ids.map((id) => [id, document.getElementById(id)]));
  const rows = [...document.querySelectorAll("#problems tbody tr")];
  const saved = JSON.parse(sessionStorage.getItem("mlprep:filters") || "{}");
  for (const id of ids) if (saved[id]) controls[id].value = saved[id];

  function apply() {
    const f = Object.fromEntries(ids.map((id) => [id, controls[id].value.trim().toLowerCase()]));
    sessionStorage.setItem("mlprep:filters", JSON.stringify(f));
    let shown = 0;
    for (const row of rows) {
      const d = row.dataset;
      const ok = (!f.search || d.title.includes(f.search) || d.topics.includes(f.search))
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
  apply();
})();
