// The timeline: events per day (or per week on long spans), stacked by type, including those without
// coordinates, and a line of people killed per day on its own scale. It fits the data: the dates chosen
// in the filters when there are any, else the span that holds the bulk of the events, so one stray report
// weeks away does not squash the rest (buttons at the ends count what lies outside and show it on demand).
// Drag across it to choose dates (the same as typing them in the date inputs).

import { colorOf, TYPES } from "./colors.js";

const SVGNS = "http://www.w3.org/2000/svg";
const DAY = 86400000;
const el = (name, attrs = {}) => {
  const e = document.createElementNS(SVGNS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
};
export const toDay = (iso) => Date.parse(`${iso}T00:00:00Z`);
export const iso = (t) => new Date(t).toISOString().slice(0, 10);

/** The span [first, last] (ms) holding the bulk of the events: days far outside it are left out, where
 *  "far" means more than a week and more than the bulk's own length away. `days` sorted, with `t` and `n`. */
export function coreSpan(days) {
  if (!days.length) return null;
  const total = days.reduce((s, d) => s + d.n, 0);
  const cut = Math.floor(total * 0.02);
  let lo = 0, hi = days.length - 1;
  for (let acc = 0; lo < days.length - 1 && acc + days[lo].n <= cut; lo++) acc += days[lo].n;
  for (let acc = 0; hi > lo && acc + days[hi].n <= cut; hi--) acc += days[hi].n;
  const reach = Math.max(7 * DAY, days[hi].t - days[lo].t);
  let first = days[lo].t, last = days[hi].t;
  for (const d of days) {
    if (d.t < first && first - d.t <= reach) first = d.t;
    if (d.t > last && d.t - last <= reach) last = d.t;
  }
  return [first, last];
}

export function createTimeline(svg, { onBrush }) {
  const pad = { left: 38, right: 70, top: 10, bottom: 20 };
  let days = [];          // [{day, t, n, types, killed, unmapped}]
  let fixed = null;       // [t0, t1] from the date filters
  let showAll = false;    // the user asked to see the outliers too
  let t0 = 0, t1 = 0, bucket = 1;
  let drag = null;        // [t, t] while brushing
  const earlier = document.getElementById("tl-earlier");
  const later = document.getElementById("tl-later");

  const width = () => svg.clientWidth - pad.left - pad.right;
  const x = (t) => pad.left + ((t - t0) / (t1 - t0 + bucket * DAY)) * width();
  const tAt = (px) => t0 + ((px - pad.left) / width()) * (t1 - t0 + bucket * DAY);

  function domain() {
    if (fixed) return fixed;
    if (!days.length) return null;
    if (showAll) return [days[0].t, days[days.length - 1].t];
    return coreSpan(days);
  }

  function outside(label, list, button) {
    const n = list.reduce((s, d) => s + d.n, 0);
    button.hidden = !n || Boolean(fixed);
    if (!n) return;
    button.textContent = label(n, list);
    button.onclick = () => { showAll = true; draw(); };
  }

  function draw() {
    svg.querySelectorAll(":scope > :not(desc)").forEach((n) => n.remove());
    const span = domain();
    if (!span) {
      const t = el("text", { x: 10, y: 30, class: "axis" });
      t.textContent = "no dated events";
      svg.append(t);
      earlier.hidden = later.hidden = true;
      return;
    }
    [t0, t1] = span;
    const spanDays = Math.round((t1 - t0) / DAY) + 1;
    bucket = spanDays > 2000 ? 30 : spanDays > 300 ? 7 : 1;
    outside((n, l) => `◀ ${n} earlier (from ${l[0].day})`, days.filter((d) => d.t < t0), earlier);
    outside((n, l) => `${n} later (to ${l[l.length - 1].day}) ▶`, days.filter((d) => d.t > t1), later);
    if (showAll && !fixed && days.length && days[0].t >= t0 && days[days.length - 1].t <= t1) {
      const core = coreSpan(days);
      if (core[0] !== t0 || core[1] !== t1) {
        earlier.hidden = false;
        earlier.textContent = "Fit to the bulk of events";
        earlier.onclick = () => { showAll = false; draw(); };
      }
    }
    // bucket the days in the domain
    const buckets = new Map();
    for (const d of days) {
      if (d.t < t0 || d.t > t1) continue;
      const b = t0 + Math.floor((d.t - t0) / (bucket * DAY)) * bucket * DAY;
      const into = buckets.get(b) || { t: b, day: iso(b), n: 0, types: {}, killed: 0, unmapped: 0 };
      into.n += d.n; into.killed += d.killed; into.unmapped += d.unmapped;
      for (const [k, v] of Object.entries(d.types)) into.types[k] = (into.types[k] || 0) + v;
      buckets.set(b, into);
    }
    const list = [...buckets.values()].sort((a, b) => a.t - b.t);
    const H = svg.clientHeight, h = H - pad.top - pad.bottom;
    const max = Math.max(1, ...list.map((d) => d.n));
    const maxKilled = Math.max(0, ...list.map((d) => d.killed));
    const bw = Math.max(1, x(t0 + bucket * DAY) - x(t0) - 1);
    svg.querySelector("desc").textContent = `Events per ${bucket === 1 ? "day" : bucket === 7 ? "week" : "month"} from ` +
      `${iso(t0)} to ${iso(t1)}; at most ${max} events and ${maxKilled} killed in one ${bucket === 1 ? "day" : "period"}.`;

    const axis = el("g", { class: "axis" });
    axis.append(el("line", { x1: pad.left, x2: svg.clientWidth - pad.right, y1: H - pad.bottom, y2: H - pad.bottom }));
    const ticks = Math.max(1, Math.min(8, Math.floor(width() / 110), spanDays));
    for (let i = 0; i < ticks; i++) {
      const t = t0 + Math.round(((t1 - t0) / DAY) * (ticks > 1 ? i / (ticks - 1) : 0)) * DAY;
      const label = el("text", { x: x(t) + bw / 2, y: H - 5, "text-anchor": i === 0 ? "start" : i === ticks - 1 ? "end" : "middle" });
      label.textContent = iso(t);
      axis.append(label);
    }
    const top = el("text", { x: pad.left - 4, y: pad.top + 9, "text-anchor": "end" });
    top.textContent = String(max);
    axis.append(top);
    if (maxKilled) {
      const right = el("text", { x: svg.clientWidth - pad.right + 4, y: pad.top + 9, class: "killed-axis" });
      right.textContent = `${maxKilled} killed`;
      axis.append(right);
    }
    svg.append(axis);

    const bars = el("g", { class: "bars" });
    for (const d of list) {
      let y = H - pad.bottom;
      for (const type of [...TYPES, ...Object.keys(d.types).filter((t) => !TYPES.includes(t))]) {
        const n = d.types[type];
        if (!n) continue;
        const bh = (n / max) * h;
        y -= bh;
        const r = el("rect", { x: x(d.t), y, width: bw, height: bh, fill: colorOf(type), class: "bar",
          "data-day": d.day, "data-type": type, "data-count": n });
        const tip = el("title");
        tip.textContent = `${bucket === 1 ? d.day : `${bucket === 7 ? "week" : "month"} from ${d.day}`}: ${n} ${type}` +
          (d.unmapped ? ` (that ${bucket === 1 ? "day" : "period"}: ${d.unmapped} without coordinates, not on the map)` : "");
        r.append(tip);
        bars.append(r);
      }
    }
    svg.append(bars);

    if (maxKilled) { // fatalities per day on their own scale (right); a day with no report counts 0
      const every = [];
      for (let t = t0; t <= t1; t += bucket * DAY) every.push(buckets.get(t) || { t, day: iso(t), killed: 0 });
      const pts = every.map((d) => [x(d.t) + bw / 2, H - pad.bottom - (d.killed / maxKilled) * h]);
      const g = el("g", { class: "killed" });
      g.append(el("polyline", { points: pts.map((p) => p.join(",")).join(" "), class: "killed-line" }));
      every.forEach((d, i) => {
        if (!d.killed) return;
        const c = el("circle", { cx: pts[i][0], cy: pts[i][1], r: 2.5, class: "killed-dot", "data-day": d.day, "data-killed": d.killed });
        const tip = el("title");
        tip.textContent = `${d.day}: ${d.killed} killed (largest figure of each report, added up)`;
        c.append(tip);
        g.append(c);
      });
      svg.append(g);
    }
    if (drag) {
      const [a, b] = drag[0] <= drag[1] ? drag : [drag[1], drag[0]];
      svg.append(el("rect", { class: "brush", x: x(a), y: pad.top, width: Math.max(1, x(b + bucket * DAY) - x(a)),
        height: h, "pointer-events": "none" }));
    }
  }

  /** New data (the overview's `days`) and the dates chosen in the filters (or null). */
  function set(overviewDays, range) {
    days = overviewDays.map((d) => ({ ...d, t: toDay(d.day) })).sort((a, b) => a.t - b.t);
    fixed = range && (range[0] || range[1])
      ? [range[0] ? toDay(range[0]) : (days[0]?.t ?? toDay(range[1])), range[1] ? toDay(range[1]) : (days[days.length - 1]?.t ?? toDay(range[0]))]
      : null;
    if (fixed && fixed[0] > fixed[1]) fixed = null;
    draw();
  }

  const snap = (px) => {
    const t = Math.max(t0, Math.min(t1, tAt(px)));
    return t0 + Math.floor((t - t0) / (bucket * DAY)) * bucket * DAY;
  };
  const xOf = (ev) => ev.clientX - svg.getBoundingClientRect().left;
  let from = null;
  svg.addEventListener("mousedown", (ev) => {
    if (!days.length) return;
    from = xOf(ev);
    ev.preventDefault();
  });
  window.addEventListener("mousemove", (ev) => {
    if (from === null) return;
    drag = [snap(from), snap(xOf(ev))];
    draw();
  });
  window.addEventListener("mouseup", (ev) => {
    if (from === null) return;
    const moved = Math.abs(xOf(ev) - from) > 3;
    from = null;
    const range = drag;
    drag = null;
    if (!moved || !range) { draw(); return; }
    const [a, b] = range[0] <= range[1] ? range : [range[1], range[0]];
    onBrush([iso(a), iso(Math.min(b + (bucket - 1) * DAY, t1 + (bucket - 1) * DAY))]);
  });
  window.addEventListener("resize", draw);

  return { set };
}
