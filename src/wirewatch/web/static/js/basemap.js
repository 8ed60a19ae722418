// The offline base map: Natural Earth country areas and borders (1:50m), admin-1 borders (1:10m,
// simplified, loaded per country as the view needs them) and names of major places from the gazetteer,
// more of them as the map zooms in. No tiles, nothing from another host. `topojson` is a vendored global.

import * as api from "./api.js";
import { bboxOf, boxesMeet, featureAt, unwrapped } from "./geo.js";

const VENDOR = "/static/vendor";
const ADMIN1_FROM_ZOOM = 5;   // admin-1 borders from this zoom on
const MAX_ADMIN1_FILES = 40;  // countries loaded at once for borders (a zoomed-out view of Europe is ~35)

const getJSON = (url) => fetch(url).then((r) => {
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return r.json();
});

/** `after`: a promise the page resolves once its first data is drawn; the outlines (a few hundred ms of work
 *  on the main thread) are drawn after it, so the table does not wait for them. */
export function createBasemap(map, after = Promise.resolve()) {
  // Land under the lines, both under the events, whichever arrives first: one pane (and canvas) each.
  map.createPane("ww-land").classList.add("ww-land-pane");
  map.createPane("ww-lines").classList.add("ww-lines-pane");
  const renderer = L.canvas({ padding: 0.3, pane: "ww-land" });
  const lineRenderer = L.canvas({ padding: 0.3, pane: "ww-lines" });
  map.createPane("labels");
  map.getPane("labels").classList.add("ww-labels-pane");
  const land = L.geoJSON(null, { renderer, interactive: false,
    style: { stroke: false, fillColor: "#eeeadf", fillOpacity: 1 } }).addTo(map);
  const borders = L.geoJSON(null, { renderer: lineRenderer, interactive: false,
    style: { color: "#8c8775", weight: 0.9, opacity: 1, fill: false } }).addTo(map);
  const admin1Lines = L.layerGroup().addTo(map);
  const labels = L.layerGroup().addTo(map);
  let countries = [];                 // GeoJSON features with .bbox
  const admin1 = new Map();           // ISO3 -> Promise<{features, lines}>
  let index = null;                   // ISO3 -> [w, s, e, n]

  const ready = Promise.all([getJSON(`${VENDOR}/world-atlas/countries-50m.json`), after]).then(([topo]) => {
    countries = topojson.feature(topo, topo.objects.countries).features;
    for (const f of countries) f.bbox = bboxOf(f.geometry);
    land.addData(countries);
    borders.addData(topojson.mesh(topo, topo.objects.countries));
  });
  const indexReady = () => (index ? Promise.resolve(index)
    : getJSON(`${VENDOR}/natural-earth-admin1/index.json`).then((i) => (index = i)));

  function loadAdmin1(iso3) {
    if (!admin1.has(iso3)) {
      admin1.set(iso3, getJSON(`${VENDOR}/natural-earth-admin1/${iso3}.json`).then((topo) => {
        const features = topojson.feature(topo, topo.objects.admin1).features;
        for (const f of features) f.bbox = bboxOf(f.geometry);
        const mesh = topojson.mesh(topo, topo.objects.admin1, (a, b) => a !== b);
        const lines = L.geoJSON(mesh, { renderer: lineRenderer, interactive: false,
          style: { color: "#a39f8e", weight: 0.7, dashArray: "3 3", opacity: 0.9 } });
        return { features, lines };
      }).catch(() => ({ features: [], lines: null })));
    }
    return admin1.get(iso3);
  }

  /** Countries (ISO3) whose box meets [w, s, e, n]. */
  async function countriesIn(box) {
    const idx = await indexReady();
    return Object.entries(idx).filter(([, b]) => boxesMeet(b, box)).map(([iso3]) => iso3);
  }

  async function drawAdmin1() {
    admin1Lines.clearLayers();
    if (map.getZoom() < ADMIN1_FROM_ZOOM) return;
    const b = map.getBounds();
    const wanted = (await countriesIn([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()])).slice(0, MAX_ADMIN1_FILES);
    for (const iso3 of wanted) {
      const got = await loadAdmin1(iso3);
      if (got.lines && map.getZoom() >= ADMIN1_FROM_ZOOM) admin1Lines.addLayer(got.lines);
    }
  }

  /** The admin-1 area (or, with `country`, the country) containing the point, as a GeoJSON feature. */
  async function areaAt(lat, lon, kind) {
    if (kind === "country") {
      await ready;
      const found = featureAt(countries, lon, lat);
      return found && unwrapped(found);
    }
    for (const iso3 of await countriesIn([lon, lat, lon, lat])) {
      const found = featureAt((await loadAdmin1(iso3)).features, lon, lat);
      if (found) return unwrapped(found);
    }
    return null;
  }

  // Place names: a request per settled view, drawn most populous first, skipping any that would overlap.
  let pending = null;
  async function drawLabels() {
    pending?.abort();
    pending = new AbortController();
    const b = map.getBounds();
    const zoom = Math.round(map.getZoom());
    let got;
    try {
      got = await api.labels({ south: Math.max(-90, b.getSouth()), west: b.getWest(), north: Math.min(90, b.getNorth()),
        east: b.getEast() }, zoom, pending.signal);
    } catch {
      return; // superseded by a newer view, or the gazetteer is missing: the map works without names
    }
    labels.clearLayers();
    const taken = [];
    for (const [name, , lat, lon, , capital] of got.labels) {
      const p = map.latLngToContainerPoint([lat, lon]);
      const w = name.length * 6.6 + 10, h = 15;
      const box = [p.x - 3, p.y - h / 2, p.x + w, p.y + h / 2];
      if (taken.some((t) => box[0] < t[2] && t[0] < box[2] && box[1] < t[3] && t[1] < box[3])) continue;
      taken.push(box);
      const el = document.createElement("span");
      el.textContent = name;
      labels.addLayer(L.marker([lat, lon], { pane: "labels", interactive: false, keyboard: false,
        icon: L.divIcon({ className: `ww-label${capital ? " capital" : ""}`, html: el, iconSize: null, iconAnchor: [3, 8] }) }));
    }
  }

  let timer = null;
  map.on("moveend", () => {
    clearTimeout(timer);
    timer = setTimeout(() => { drawLabels(); drawAdmin1(); }, 150);
  });

  return { ready, areaAt, redraw: () => { drawLabels(); drawAdmin1(); } };
}
