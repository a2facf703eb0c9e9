// Cohort pages (team servers): create a cohort, join one, rotate its invite link, set and
// withdraw assignments, remove a member. Everything goes through the JSON API.
"use strict";

function showCohortError(message) {
  const box = document.getElementById("cohort-error");
  box.textContent = message;
  box.hidden = !message;
}

// Run an API call from a control; reload the page when it worked, show why when it did not.
function onSubmit(form, call) {
  if (!form) return;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    act(call);
  });
}

async function act(call) {
  try {
    const next = await call();
    location.href = next || location.pathname;
  } catch (error) {
    showCohortError(error.message);
  }
}

function cohortId() {
  return document.getElementById("invite").dataset.cohort;
}

function chosenItems(kind) {
  const select = document.getElementById("items-" + kind);
  return select ? Array.from(select.selectedOptions, (option) => option.value) : [];
}

function showItemsOf(kind) {
  for (const label of document.querySelectorAll(".items-choice")) {
    label.hidden = label.dataset.kind !== kind;
  }
}

(function () {
  onSubmit(document.getElementById("new-cohort"), async () => {
    const name = document.getElementById("cohort-name").value;
    const cohort = await api("POST", "/api/cohorts", { name });
    return "/cohorts/" + cohort.id;
  });

  onSubmit(document.getElementById("join-form"), async () => {
    await api("POST", "/api/memberships", { code: document.getElementById("join-code").value });
    return "/";
  });

  const join = document.querySelector("#join-button[data-code]");
  if (join) {
    join.addEventListener("click", () => act(async () => {
      await api("POST", "/api/memberships", { code: join.dataset.code });
      return "/";
    }));
  }

  const rotate = document.getElementById("rotate-code");
  if (rotate) {
    rotate.addEventListener("click", () => act(
      () => api("POST", `/api/cohorts/${cohortId()}/invite-code`)));
  }

  const kind = document.getElementById("assignment-kind");
  if (kind) {
    kind.addEventListener("change", () => showItemsOf(kind.value));
    showItemsOf(kind.value);
  }
  onSubmit(document.getElementById("new-assignment"), async () => {
    const due = document.getElementById("assignment-due").value;
    const title = document.getElementById("assignment-title").value.trim();
    await api("POST", `/api/cohorts/${cohortId()}/assignments`, {
      kind: kind.value,
      items: chosenItems(kind.value),
      due_at: new Date(due).toISOString(),  // the browser's local time, with its offset
      title: title || null,
    });
  });

  for (const button of document.querySelectorAll(".remove-assignment")) {
    button.addEventListener("click", () => act(() => api(
      "DELETE", `/api/cohorts/${cohortId()}/assignments/${button.dataset.assignment}`)));
  }
  for (const button of document.querySelectorAll(".remove-member")) {
    button.addEventListener("click", () => act(() => api(
      "DELETE", `/api/cohorts/${cohortId()}/members/${button.dataset.member}`)));
  }
})();
