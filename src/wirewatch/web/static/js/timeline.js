// The timeline: events per day, stacked by type, as SVG; drag across it to pick a date range (a brush),
// which filters the map. A click without dragging, or "Show all days", clears the range.

import { colorOf, TYPES } from "./colors.js";

const SVGNS = "http://www.w3.org/2000/svg";
const DAY = 86400000;
const el = (name, attrs = {}) => {
  const e = document.createElementNS(SVGNS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
};
const toDay = (iso) => Date.parse(`${iso}T00:00:00Z`);
const iso = (t) => new Date(t).toISOString().slice(0, 10);

export function createTimeline(svg, onBrush) {
  const pad = { left: 34, right: 12, top: 8, bottom: 20 };
  let state = { days: [], t0: 0, t1: 0, range: null };

  function scaleX(t) {
    const w = svg.clientWidth - pad.left - pad.right;
    return pad.left + ((t - state.t0) / (state.t1 - state.t0 + DAY)) * w;
  }
  function invertX(x) {
    const w = svg.clientWidth - pad.left - pad.right;
    return state.t0 + ((x - pad.left) / w) * (state.t1 - state.t0 + DAY);
  }

  function draw() {
    svg.replaceChildren();
    const { days } = state;
    if (!days.length) {
      const t = el("text", { x: 10, y: 30, class: "axis" });
      t.textContent = "no dated events";
      svg.append(t);
      return;
    }
    const H = svg.clientHeight, h = H - pad.top - pad.bottom;
    const max = Math.max(...days.map((d) => d.total));
    const bw = Math.max(2, scaleX(state.t0 + DAY) - scaleX(state.t0) - 1);
    const axis = el("g", { class: "axis" });
    axis.append(el("line", { x1: pad.left, x2: svg.clientWidth - pad.right, y1: H - pad.bottom, y2: H - pad.bottom }));
    const ticks = Math.min(8, Math.round((state.t1 - state.t0) / DAY) + 1);
    for (let i = 0; i < ticks; i++) {
      const t = state.t0 + Math.round(((state.t1 - state.t0) / DAY) * (ticks > 1 ? i / (ticks - 1) : 0)) * DAY;
      const label = el("text", { x: scaleX(t) + bw / 2, y: H - 5, "text-anchor": "middle" });
      label.textContent = iso(t);
      axis.append(label);
    }
    const top = el("text", { x: pad.left - 4, y: pad.top + 9, "text-anchor": "end" });
    top.textContent = String(max);
    axis.append(top);
    svg.append(axis);
    const bars = el("g", { class: "bars" });
    for (const d of days) {
      let y = H - pad.bottom;
      const inRange = !state.range || (d.t >= state.range[0] && d.t <= state.range[1]);
      for (const type of TYPES) {
        const n = d.byType[type];
        if (!n) continue;
        const bh = (n / max) * h;
        y -= bh;
        const r = el("rect", { x: scaleX(d.t), y, width: bw, height: bh, fill: colorOf(type),
          class: `bar${inRange ? "" : " out"}`, "data-day": d.day, "data-type": type, "data-count": n });
        const tip = el("title");
        const off = d.unmapped[type];
        tip.textContent = `${d.day}: ${n} ${type}` + (off ? ` (${off} without coordinates, not on the map)` : "");
        r.append(tip);
        bars.append(r);
      }
    }
    svg.append(bars);
    if (state.range) {
      const [a, b] = state.range;
      svg.append(el("rect", { class: "brush", x: scaleX(a), y: pad.top, width: Math.max(1, scaleX(b + DAY) - scaleX(a)),
        height: h, "pointer-events": "none" }));
    }
  }

  /** Count the features per day and type, plus the `unmapped` counts (day -> type -> events without
   *  coordinates, which the map cannot show but the timeline does), then draw; clears any brushed range. */
  function set(features, unmapped = {}) {
    const map = new Map();
    const add = (day, type, n, mapped) => {
      const d = map.get(day) || { day, t: toDay(day), total: 0, byType: {}, unmapped: {} };
      d.total += n;
      d.byType[type] = (d.byType[type] || 0) + n;
      if (!mapped) d.unmapped[type] = (d.unmapped[type] || 0) + n;
      map.set(day, d);
    };
    for (const f of features) if (f.properties.day) add(f.properties.day, f.properties.type, 1, true);
    for (const [day, byType] of Object.entries(unmapped)) {
      for (const [type, n] of Object.entries(byType)) add(day, type, n, false);
    }
    const days = [...map.values()].sort((a, b) => a.t - b.t);
    state = { days, t0: days.length ? days[0].t : 0, t1: days.length ? days[days.length - 1].t : 0, range: null };
    draw();
  }

  function setRange(range) {
    state.range = range;
    draw();
    onBrush(range ? [iso(range[0]), iso(range[1])] : null);
  }

  let dragFrom = null;
  const xOf = (ev) => ev.clientX - svg.getBoundingClientRect().left;
  svg.addEventListener("mousedown", (ev) => { if (state.days.length) { dragFrom = xOf(ev); ev.preventDefault(); } });
  window.addEventListener("mousemove", (ev) => {
    if (dragFrom === null) return;
    const x = xOf(ev);
    const [a, b] = [Math.min(dragFrom, x), Math.max(dragFrom, x)];
    state.range = [Math.floor(invertX(a) / DAY) * DAY, Math.floor(invertX(b) / DAY) * DAY];
    draw();
  });
  window.addEventListener("mouseup", (ev) => {
    if (dragFrom === null) return;
    const moved = Math.abs(xOf(ev) - dragFrom) > 3;
    dragFrom = null;
    if (!moved || !state.range) { setRange(null); return; }
    const [a, b] = state.range;
    setRange([Math.max(a, state.t0), Math.min(b, state.t1)]);
  });
  window.addEventListener("resize", draw);

  return { set, clear: () => setRange(null) };
}
