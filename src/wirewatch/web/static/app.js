// Wirewatch page entry: keeps the state (in the URL) and wires the filters, the map, the legend, the
// timeline, the event table, the incident list and the reader together. Plain ES modules, no framework;
// Leaflet, markercluster and topojson-client are vendored globals (see index.html).

import * as api from "./js/api.js";
import { createClusters } from "./js/clusters.js";
import { createLegend } from "./js/legend.js";
import { createMap } from "./js/map.js";
import { FILTERS, describe, parse, serialize } from "./js/state.js";
import { createTable } from "./js/table.js";
import { createTabs } from "./js/tabs.js";
import { createTimeline } from "./js/timeline.js";
import { createViewer } from "./js/viewer.js";

const $ = (sel) => document.querySelector(sel);
const form = $("#filters");
let state = parse(location.search);
let points = new Map();      // uid -> overview point (for the reader: its cluster)
let storeTypes = [];        // event types in the store (pick lists), for the legend
let typeCounts = {};        // events per type under the current filters
let overviewCount = null;
let tableToken = 0;

const say = (msg) => { $("#status").textContent = msg; };
let tableDrawn;
const firstTable = new Promise((resolve) => { tableDrawn = resolve; });
setTimeout(() => tableDrawn(), 1500); // the base map waits for the first table, but not for ever
const ready = (v) => { document.body.dataset.ready = v; };

// -- the URL ---------------------------------------------------------------------------------------------
function remember(replace = false) {
  const url = `${location.pathname}${serialize(state)}`;
  if (url !== `${location.pathname}${location.search}`) history[replace ? "replaceState" : "pushState"](null, "", url);
  const f = state.filters;
  $("#x-csv").href = api.exportURL(f, "acled");
  $("#x-geojson").href = api.exportURL(f, "geojson");
  $("#x-sitrep").href = `/static/report.html${serialize({ filters: f })}`;
}

// -- the form <-> state.filters ----------------------------------------------------------------------------
function fillForm() {
  const f = state.filters;
  for (const key of FILTERS) {
    if (key === "status" || key === "unverified") continue;
    const input = form.elements[key];
    if (!input) continue;
    if (input.tagName === "SELECT" && f[key] && ![...input.options].some((o) => o.value === f[key])) {
      input.append(new Option(f[key], f[key])); // a value from a shared link the pick list does not have
    }
    input.value = f[key] || "";
  }
  const statuses = (f.status || "occurred").split(",");
  for (const box of form.querySelectorAll('input[name="status"]')) box.checked = statuses.includes(box.value);
  form.elements.unverified.checked = Boolean(f.unverified);
  $("#f-inview").checked = state.inview;
}

function readForm() {
  const data = new FormData(form);
  const f = {};
  for (const key of FILTERS) {
    if (key === "status") continue;
    const v = (data.get(key) || "").toString().trim();
    if (v) f[key] = key === "unverified" ? "true" : v;
  }
  const statuses = data.getAll("status");
  f.status = statuses.length ? statuses.join(",") : "occurred";
  if (f.since && f.until && f.since > f.until) [f.since, f.until] = [f.until, f.since];
  return f;
}

// -- the parts ----------------------------------------------------------------------------------------------
const viewer = createViewer($("#viewer"));
const tabs = createTabs($(".tabs"), { onChange: (tab) => { state.tab = tab; remember(); if (tab === "clusters") loadClusters(); } });
const map = createMap($("#map"), {
  after: firstTable,
  onSelect: (uid) => openEvent({ uid, cluster_id: points.get(uid)?.cluster_id }),
  onMove: (m) => {
    state.map = { lat: m.getCenter().lat, lon: m.getCenter().lng, zoom: m.getZoom() };
    remember(true);
    if (state.inview) { state.page = 1; loadTable(); }
  },
  onArea: (p, kind) => {
    if (kind === "country") state.filters = { ...state.filters, country: p.country_code };
    else state.filters = { ...state.filters, admin1: p.admin1 || undefined, place: p.admin1 ? undefined : p.place };
    apply({ fit: true });
  },
});
const legend = createLegend($("#legend"), { onChange: (types) => {
  state.filters = { ...state.filters, type: types.join(",") || undefined };
  apply({ fit: false });
} });
const timeline = createTimeline($("#timeline"), { onBrush: ([since, until]) => {
  state.filters = { ...state.filters, since, until };
  apply({ fit: false });
} });
const table = createTable($("#events-table"), {
  onOpen: (row) => openEvent(row),
  onHover: (uid) => map.highlight(uid),
  onSort: (sort) => { state.sort = sort; state.page = 1; remember(); loadTable(); },
});
const clusters = createClusters($("#clusters-panel"), {
  onOpenReport: (row) => openEvent(row),
  onOpenCluster: (id) => { state.cluster = id; remember(); clusters.openStory(id); },
});

function openEvent(row) {
  state.event = row.uid;
  state.tab = "reader";
  remember();
  tabs.select("reader");
  table.select(row.uid);
  map.highlight(row.uid);
  viewer.openEvent(row);
}

// -- loading ------------------------------------------------------------------------------------------------
async function loadTable() {
  const mine = ++tableToken;
  $("#events-table").setAttribute("aria-busy", "true");
  try {
    const got = await api.eventsPage(state.filters, { sort: state.sort, page: state.page,
      bbox: state.inview ? map.bbox() : undefined });
    if (mine !== tableToken) return;
    table.show(got, { page: state.page, total: overviewCount, order: state.sort, selected: state.event, inview: state.inview });
    if (!performance.getEntriesByName("ww:table").length) performance.mark("ww:table"); // read by benchmarks/page_load.py
    tableDrawn();
  } catch (err) {
    if (mine === tableToken) say(`could not load the table: ${err.message}`);
  } finally {
    if (mine === tableToken) $("#events-table").removeAttribute("aria-busy");
  }
}

async function loadClusters() {
  if (state.cluster) return clusters.openStory(state.cluster);
  const n = await clusters.load(state.filters);
  $("#n-clusters").textContent = n ? String(n) : "";
}

async function refresh({ fit }) {
  ready("loading");
  overviewCount = null;
  say("loading events…");
  const f = state.filters;
  const tableLoad = loadTable();
  try {
    const got = await api.overview(f);
    overviewCount = got.total;
    points = new Map(got.points.map((p) => [p.uid, p]));
    typeCounts = got.types;
    legend.render([...new Set([...storeTypes, ...Object.keys(got.types)])], f.type, got.types);
    timeline.set(got.days, f.since || f.until ? [f.since, f.until] : null);
    $("#brush-clear").hidden = !(f.since || f.until);
    $("#brush-label").textContent = f.since || f.until
      ? `showing ${f.since || "the first day"} to ${f.until || "the last day"}` : "drag across the bars to choose dates";
    $("#n-events").textContent = got.total.toLocaleString("en") + (got.truncated ? "+" : "");
    const shown = map.show(got.points, fit);
    await tableLoad;
    table.setTotal(overviewCount); // the pager can now say "of N"
    await shown;
    if (!performance.getEntriesByName("ww:map").length) performance.mark("ww:map");
    document.body.dataset.shown = String(got.mapped);
    const words = describe(f);
    say(`${got.total.toLocaleString("en")}${got.truncated ? "+" : ""} events${words ? ` (${words})` : ""}: ` +
      `${got.mapped.toLocaleString("en")} on the map` +
      (got.total - got.mapped ? `, ${(got.total - got.mapped).toLocaleString("en")} without coordinates` : "") +
      (got.truncated ? `; only the newest ${got.cap.toLocaleString("en")} are drawn: narrow the filters` : ""));
  } catch (err) {
    say(`could not load events: ${err.message}`);
  }
  if (state.tab === "clusters") loadClusters();
  ready("yes");
}

/** Apply state.filters (from the form, the legend, the timeline or the map): back to page 1, new URL. */
function apply({ fit }) {
  state.page = 1;
  state.cluster = null;
  fillForm();
  remember();
  refresh({ fit });
}

// -- controls -------------------------------------------------------------------------------------------------
form.addEventListener("submit", (e) => { e.preventDefault(); state.filters = readForm(); apply({ fit: true }); });
form.addEventListener("reset", (e) => {
  e.preventDefault();
  state.filters = { status: "occurred" };
  apply({ fit: true });
});
$("#brush-clear").addEventListener("click", () => {
  state.filters = { ...state.filters, since: undefined, until: undefined };
  apply({ fit: false });
});
$("#f-inview").addEventListener("change", (e) => { state.inview = e.target.checked; state.page = 1; remember(); loadTable(); });
$("#page-prev").addEventListener("click", () => { state.page = Math.max(1, state.page - 1); remember(); loadTable(); });
$("#page-next").addEventListener("click", () => { state.page += 1; remember(); loadTable(); });
$("#x-link").addEventListener("click", async () => {
  remember(true);
  try {
    await navigator.clipboard.writeText(location.href);
    say("Address of this view copied: open it to see the same filters, order, map and report.");
  } catch {
    say(`Address of this view: ${location.href}`);
  }
});
window.addEventListener("popstate", () => {
  state = parse(location.search);
  fillForm();
  tabs.select(state.tab);
  if (state.map) map.map.setView([state.map.lat, state.map.lon], state.map.zoom);
  refresh({ fit: !state.map });
  if (state.event) viewer.openEvent({ uid: state.event, cluster_id: points.get(state.event)?.cluster_id });
  if (state.tab === "clusters" && state.cluster) clusters.openStory(state.cluster);
});

async function fillPickLists() {
  let f;
  try {
    f = await api.facets();
  } catch {
    return;
  }
  storeTypes = f.type.map(([t]) => t);
  legend.render([...new Set([...storeTypes, ...Object.keys(typeCounts)])], state.filters.type, typeCounts);
  const fill = (select, values, label = (v) => v) => {
    const keep = select.value;
    for (const [v, n] of values) if (![...select.options].some((o) => o.value === v)) select.append(new Option(`${label(v)} (${n})`, v));
    select.value = keep;
  };
  fill($("#f-country"), f.country);
  fill($("#f-source"), f.source);
  fill($("#f-acled"), [...f.acled, ...f.acled_sub.filter(([s]) => !f.acled.some(([a]) => a === s))]);
  $("#l-place").replaceChildren(...f.place.map(([v]) => new Option(v)));
  $("#l-admin1").replaceChildren(...f.admin1.map(([v]) => new Option(v)));
}

// -- start ------------------------------------------------------------------------------------------------------
(async () => {
  ready("loading");
  fillForm();
  tabs.select(state.tab);
  if (state.map) map.map.setView([state.map.lat, state.map.lon], state.map.zoom);
  remember(true);
  const lists = fillPickLists().then(fillForm); // the pick lists do not hold up the data
  await refresh({ fit: !state.map });
  await lists;
  if (state.event) viewer.openEvent({ uid: state.event, cluster_id: points.get(state.event)?.cluster_id });
  if (state.tab === "clusters" && state.cluster) clusters.openStory(state.cluster);
})();
