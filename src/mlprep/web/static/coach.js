// The study plan page: tick tasks done through the API, and make a new plan from the form.
"use strict";

function showPlanError(message) {
  const box = document.getElementById("plan-error");
  box.textContent = message;
  box.hidden = !message;
}

function updateDoneMinutes() {
  const counter = document.getElementById("done-minutes");
  if (!counter) return;
  let done = 0;
  for (const box of document.querySelectorAll("input[data-task]:checked")) {
    done += Number(box.dataset.minutes);
  }
  counter.textContent = String(done);
}

async function tick(box) {
  const wanted = box.checked;
  box.disabled = true;
  try {
    const task = await api(wanted ? "POST" : "DELETE", `/api/plan/tasks/${box.dataset.task}/done`);
    box.checked = task.done;
    box.closest(".task").classList.toggle("done", task.done);
    showPlanError("");
  } catch (error) {
    box.checked = !wanted;  // the server did not take it: show what is stored
    showPlanError(`Could not save the tick: ${error.message}`);
  } finally {
    box.disabled = false;
    updateDoneMinutes();
  }
}

function planTicks() {
  for (const box of document.querySelectorAll("input[data-task]")) {
    box.addEventListener("change", () => tick(box));
  }
}

function tomorrow() {
  const day = new Date();
  day.setDate(day.getDate() + 1);
  const pad = (n) => String(n).padStart(2, "0");
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

function planForm() {
  const form = document.getElementById("plan-form");
  if (!form) return;
  form.querySelector("#interview-date").min = tomorrow();
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const rounds = [...form.querySelectorAll("input[name=round]:checked")].map((b) => b.value);
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      await api("POST", "/api/plan", {
        interview_date: form.querySelector("#interview-date").value,
        hours_per_week: Number(form.querySelector("#hours").value),
        rounds,
      });
      location.reload();
    } catch (error) {
      showPlanError(error.message);
      button.disabled = false;
    }
  });
}

document.addEventListener("DOMContentLoaded", () => {
  planTicks();
  planForm();
  document.querySelector(".plan-day.today")?.scrollIntoView({ block: "nearest" });
});
