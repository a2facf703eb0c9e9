// The progress page's charts, drawn by uPlot (static/vendor/uplot) from the JSON each
// <figure class="chart"> carries: mastery per round week by week, and activity per day.
// Both time axes run to today; hovering shows the figures in a tooltip.
"use strict";

// The rounds' colours, as in coach.css (uPlot draws on a canvas, which cannot read CSS).
const ROUND_COLOURS = {
  coding: "#2f5d8a", breadth: "#1a7f37", domain: "#00838f", design: "#8a4baf",
  behavioral: "#b26a00", deep_dive: "#c62828",
};
const DAY_FORMAT = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric" });

window.mlprepCharts = {};  // id -> uPlot instance, for the page's own tests

function dayOf(seconds) {
  return DAY_FORMAT.format(new Date(seconds * 1000));
}

function chartWidth(figure) {
  return Math.max(320, Math.min(figure.parentElement.clientWidth, 760));
}

// A tooltip that follows the cursor and lists what `lines(index)` says about that point.
function tooltip(figure, lines) {
  const tip = figure.querySelector(".chart-tip");
  return {
    hooks: {
      setCursor: [(u) => {
        const index = u.cursor.idx;
        const text = index == null ? [] : lines(index);
        tip.hidden = text.length === 0;
        if (tip.hidden) return;
        tip.replaceChildren(...text.map((line) => {
          const row = document.createElement("div");
          row.textContent = line;
          return row;
        }));
        const x = u.valToPos(u.data[0][index], "x");
        tip.style.left = `${Math.min(x + u.over.offsetLeft + 12, u.width - 200)}px`;
        tip.style.top = `${u.over.offsetTop + 8}px`;
      }],
    },
  };
}

function masteryChart(figure, data) {
  const series = data.series;
  const lines = (index) => {
    const measured = series.filter((s) => s.values[index] != null);
    const head = `Week ending ${dayOf(data.x[index])}${index === data.x.length - 1 ? " (today)" : ""}`;
    return [head, ...measured.map((s) => `${s.title}: ${Math.round(s.values[index])}%`)];
  };
  const options = {
    width: chartWidth(figure),
    height: 240,
    plugins: [tooltip(figure, lines)],
    scales: { x: { time: true, range: () => [data.x_min, data.x_max] }, y: { range: [0, 100] } },
    axes: [
      { values: (u, ticks) => ticks.map(dayOf) },
      { values: (u, ticks) => ticks.map((v) => `${v}%`), size: 48 },
    ],
    series: [
      {},
      ...series.map((s) => ({
        label: s.title,
        stroke: ROUND_COLOURS[s.round],
        width: 2,
        spanGaps: false,
        points: { show: true, size: 7, fill: ROUND_COLOURS[s.round] },
        value: (u, v) => (v == null ? "–" : `${Math.round(v)}%`),
      })),
    ],
  };
  return new uPlot(options, [data.x, ...series.map((s) => s.values)], figure);
}

function activityChart(figure, data) {
  const lines = (index) => {
    const n = data.counts[index];
    return [`${dayOf(data.x[index])}: ${n} run${n === 1 ? "" : "s"} and submissions`];
  };
  const options = {
    width: chartWidth(figure),
    height: 140,
    plugins: [tooltip(figure, lines)],
    legend: { show: false },
    scales: {
      x: { time: true, range: () => [data.x_min, data.x_max] },
      y: { range: (u, min, max) => [0, Math.max(max, 1)] },
    },
    axes: [{ values: (u, ticks) => ticks.map(dayOf) }, { size: 36, incrs: [1, 2, 5, 10, 20, 50, 100] }],
    series: [
      {},
      {
        label: "Runs and submissions",
        stroke: ROUND_COLOURS.coding,
        fill: ROUND_COLOURS.coding,
        paths: uPlot.paths.bars({ size: [0.7, 24] }),
        points: { show: false },
      },
    ],
  };
  return new uPlot(options, [data.x, data.counts], figure);
}

const DRAW = { "mastery-chart": masteryChart, "activity-chart": activityChart };

document.addEventListener("DOMContentLoaded", () => {
  for (const figure of document.querySelectorAll("figure.chart")) {
    const data = JSON.parse(figure.querySelector(".chart-data").textContent);
    window.mlprepCharts[figure.id] = DRAW[figure.id](figure, data);
  }
});
