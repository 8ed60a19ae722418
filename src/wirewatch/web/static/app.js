// Wirewatch page entry: wires the filter form, the map, the timeline and the claim viewer together.
// Plain ES modules, no framework; Leaflet and markercluster are vendored globals (see index.html).

import * as api from "./js/api.js";
import { colorOf, TYPES } from "./js/colors.js";
import { createMap } from "./js/map.js";
import { createTimeline } from "./js/timeline.js";
import { createViewer } from "./js/viewer.js";

const $ = (sel) => document.querySelector(sel);
const status = (msg) => { $("#status").textContent = msg; };

const viewer = createViewer($("#viewer"));
const map = createMap($("#map"), (props) => viewer.openEvent(props));
let features = [];
let range = null;

const inRange = (p) => !range || (p.day && p.day >= range[0] && p.day <= range[1]);

function legend(feats) {
  const present = TYPES.filter((t) => feats.some((f) => f.properties.type === t));
  $("#legend").replaceChildren(...present.map((t) => {
    const row = document.createElement("div");
    const sw = document.createElement("span");
    sw.className = "swatch";
    sw.style.background = colorOf(t);
    row.append(sw, t);
    return row;
  }));
  $("#legend").hidden = !present.length;
}

function redraw(fit = false) {
  const shown = map.show(features, inRange, fit);
  status(`${shown} of ${features.length} events on the map` + (range ? ` (${range[0]} to ${range[1]})` : ""));
  document.body.dataset.shown = String(shown);
}

const timeline = createTimeline($("#timeline"), (r) => {
  range = r;
  $("#brush-label").textContent = r ? `showing ${r[0]} to ${r[1]}` : "drag across the bars to filter the map by date";
  $("#brush-clear").hidden = !r;
  redraw();
});

function filterValues() {
  const form = new FormData($("#filters"));
  return { type: form.get("type"), actor: form.get("actor").trim(), certainty: form.get("certainty"),
    unverified: form.get("unverified") ? "true" : "", text: form.get("text").trim() };
}

async function load() {
  status("loading events…");
  document.body.dataset.ready = "loading";
  try {
    const got = await api.events(filterValues());
    features = got.features;
    range = null;
    legend(features);
    timeline.set(features, got.unmapped);
    redraw(true);
    if (got.without) status(`${$("#status").textContent}; ${got.without} without coordinates`);
    if (got.truncated) status(`${$("#status").textContent}; more exist, narrow the filters`);
  } catch (err) {
    status(`could not load events: ${err.message}`);
  }
  document.body.dataset.ready = "yes";
}

for (const t of TYPES) $("#f-type").append(new Option(t, t));
$("#filters").addEventListener("submit", (e) => { e.preventDefault(); load(); });
$("#filters").addEventListener("reset", () => setTimeout(load, 0));
$("#brush-clear").addEventListener("click", () => timeline.clear());
load();
