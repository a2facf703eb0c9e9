// Shared by every page: math rendering, local times, and "open this code in the editor".
"use strict";

function renderMath(root) {
  if (!window.katex) return;
  for (const el of (root || document).querySelectorAll(".math")) {
    if (el.dataset.rendered) continue;
    try {
      katex.render(el.textContent, el, {
        displayMode: el.classList.contains("block"), throwOnError: false,
      });
      el.dataset.rendered = "1";
    } catch (e) { /* leave the TeX source visible */ }
  }
}

function localTimes() {
  for (const el of document.querySelectorAll("time[datetime]")) {
    el.textContent = new Date(el.getAttribute("datetime")).toLocaleString();
  }
}

function draftKey(slug) { return "mlprep:draft:" + slug; }

function openInEditorButton() {
  const button = document.getElementById("load-code");
  if (!button) return;
  button.addEventListener("click", () => {
    localStorage.setItem(draftKey(button.dataset.slug), document.getElementById("code").textContent);
    location.href = "/problems/" + button.dataset.slug;
  });
}

async function api(method, url, body) {
  const options = { method, headers: {} };
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch(url, options);
  let data = null;
  try { data = await response.json(); } catch (e) { /* not JSON */ }
  if (!response.ok) {
    const detail = data && data.detail ? data.detail : response.statusText;
    throw new Error(typeof detail === "string" ? detail : JSON.stringify(detail));
  }
  return data;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v; else node.setAttribute(k, v);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

document.addEventListener("DOMContentLoaded", () => renderMath());
