// The login page (team servers): POST /api/session, then back to the page that was asked for.
"use strict";

function forgetDrafts() {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith("mlprep")) localStorage.removeItem(key);
  }
}

(function () {
  const form = document.getElementById("login-form");
  if (!form) return;
  const error = document.getElementById("login-error");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.hidden = true;
    const body = {
      username: document.getElementById("username").value,
      password: document.getElementById("password").value,
    };
    let response;
    try {
      response = await fetch("/api/session", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    } catch (e) {
      error.textContent = "The server cannot be reached; try again.";
      error.hidden = false;
      return;
    }
    if (response.ok) {
      // Drafts in this browser belong to whoever wrote them: another user starts without them.
      const who = (await response.json()).username;
      if (localStorage.getItem("mlprep-user") !== who) forgetDrafts();
      localStorage.setItem("mlprep-user", who);
      const next = form.dataset.next || "/";
      location.href = next.startsWith("/") && !next.startsWith("//") ? next : "/";
      return;
    }
    let detail = "Wrong username or password.";
    try { detail = (await response.json()).detail || detail; } catch (e) { /* keep it */ }
    error.textContent = detail.charAt(0).toUpperCase() + detail.slice(1);
    error.hidden = false;
  });
})();

// Every page of a team server: "Log out" ends the session and forgets this browser's drafts,
// which belong to the user who wrote them.
(function () {
  const button = document.getElementById("log-out");
  if (!button) return;
  button.addEventListener("click", async () => {
    try { await fetch("/api/session", { method: "DELETE" }); } catch (e) { /* go anyway */ }
    forgetDrafts();
    location.href = "/login";
  });
})();
