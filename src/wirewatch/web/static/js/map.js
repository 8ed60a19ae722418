// The map: the offline base map, then the events, drawn as precisely as they are located. A town is a
// circle sized by fatalities and coloured by type, clustered where dense; an event placed only at a
// region (admin-1) or a country is that area, shaded, and a district-level one a dashed ring, so nothing
// looks more exact than the report. Leaflet and markercluster are vendored globals (L).

import { createBasemap } from "./basemap.js";
import { colorOf } from "./colors.js";

/** Radius in px for a number killed: 5 px with none, growing with the square root (area ~ count), at most 26. */
export const radiusOf = (killed) => Math.min(26, 5 + 2.4 * Math.sqrt(killed || 0));
const RING_KM = { area: 50, admin1: 80, country: 400 }; // rings when no outline is found (areas: the API says)

const dominant = (uids, byUid) => {
  const n = {};
  for (const u of uids) n[byUid.get(u).type] = (n[byUid.get(u).type] || 0) + 1;
  return Object.entries(n).sort((a, b) => b[1] - a[1])[0][0];
};

function clusterIcon(cluster) {
  const children = cluster.getAllChildMarkers();
  const byType = {};
  for (const m of children) byType[m.options.eventType] = (byType[m.options.eventType] || 0) + 1;
  const top = Object.entries(byType).sort((a, b) => b[1] - a[1])[0][0];
  const size = Math.round(Math.min(46, 24 + 4 * Math.sqrt(children.length)));
  const el = document.createElement("div"); // built as DOM with CSSOM styles: the page runs under a strict CSP
  el.className = "ww-cluster";
  el.dataset.places = [...new Set(children.map((m) => m.options.place).filter(Boolean))].join("|");
  el.dataset.uids = children.map((m) => m.options.uid).join(" ");
  Object.assign(el.style, { width: `${size}px`, height: `${size}px`, background: colorOf(top) });
  el.textContent = String(children.length);
  el.setAttribute("aria-label", `${children.length} events; press to zoom in`);
  return L.divIcon({ html: el, className: "ww-cluster-icon", iconSize: [size, size] });
}

const describe = (p) => `${p.type} · ${p.place || "unknown place"}${p.precision !== "point" ? ` (${p.precision === "admin1" ? "region" : p.precision})` : ""}` +
  ` · ${p.day || "no date"}${p.fatalities ? ` · ${p.fatalities} killed` : ""}`;

export function createMap(element, { onSelect, onMove, onArea, after }) {
  const map = L.map(element, { worldCopyJump: true, minZoom: 2, maxZoom: 12, zoomSnap: 0.5, attributionControl: true,
    keyboard: true, preferCanvas: false });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth; places: GeoNames");
  map.setView([48.5, 31], 5);
  const base = createBasemap(map, after);
  const areas = L.featureGroup().addTo(map);
  const group = L.markerClusterGroup({
    maxClusterRadius: 36, spiderfyOnMaxZoom: true, showCoverageOnHover: false, iconCreateFunction: clusterIcon,
    chunkedLoading: true,
  }).addTo(map);
  let markers = new Map();  // uid -> circle marker
  let areaOf = new Map();   // uid -> area layer
  let byUid = new Map();
  let highlighted = [];
  let drawing = 0;

  const fitAll = () => {
    const b = L.latLngBounds([]);
    if (group.getLayers().length) b.extend(group.getBounds());
    for (const layer of areas.getLayers()) if (layer.options.fit) b.extend(layer.getBounds());
    if (!b.isValid() && areas.getLayers().length) b.extend(areas.getBounds());
    if (b.isValid()) map.fitBounds(b, { padding: [40, 40], maxZoom: 8 });
  };
  const FitControl = L.Control.extend({
    onAdd() {
      const button = L.DomUtil.create("button", "ww-fit leaflet-bar");
      button.type = "button";
      button.title = "Zoom to all events shown";
      button.textContent = "All events";
      L.DomEvent.disableClickPropagation(button);
      button.addEventListener("click", fitAll);
      return button;
    },
  });
  new FitControl({ position: "topleft" }).addTo(map);
  map.on("moveend", () => onMove && onMove(map));

  function circle(p) {
    const m = L.circleMarker([p.lat, p.lon], {
      radius: radiusOf(p.fatalities), color: "#1f2328", weight: 1, fillColor: colorOf(p.type), fillOpacity: 0.9,
      className: `ww-marker ww-type-${p.type}`, eventType: p.type, place: p.place, uid: p.uid,
    });
    m.bindTooltip(() => { // built when first shown (thousands of markers); text only, never parsed as HTML
      const tip = document.createElement("span");
      tip.textContent = describe(p);
      return tip;
    });
    m.on("click", () => onSelect(p.uid));
    m.on("add", () => { // data-* on the SVG path: lets tests and scripts find a marker by what it shows
      const path = m.getElement();
      if (path) Object.assign(path.dataset, { uid: p.uid, place: p.place || "", day: p.day || "", type: p.type });
    });
    return m;
  }

  function areaPopup(uids, name, kind) {
    const box = document.createElement("div");
    box.className = "area-popup";
    const title = document.createElement("strong");
    title.textContent = `${name} (${kind === "admin1" ? "region" : kind}): ${uids.length} event${uids.length > 1 ? "s" : ""}`;
    const list = document.createElement("ul");
    for (const uid of uids.slice(0, 8)) {
      const p = byUid.get(uid);
      const li = document.createElement("li");
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = `${p.day || "no date"} ${p.type}${p.fatalities ? `, ${p.fatalities} killed` : ""}`;
      b.addEventListener("click", () => onSelect(uid));
      li.append(b);
      list.append(li);
    }
    if (uids.length > 8) list.append(Object.assign(document.createElement("li"), { textContent: `… and ${uids.length - 8} more` }));
    const filter = document.createElement("button");
    filter.type = "button";
    filter.className = "filter-area";
    filter.textContent = kind === "country" ? "Show only this country" : "Show only this area";
    filter.addEventListener("click", () => onArea && onArea(byUid.get(uids[0]), kind));
    box.append(title, list, filter);
    return box;
  }

  /** Region- and country-level events as their outline (or a ring when none is found), one per area. */
  async function drawAreas(points, mine) {
    const groups = new Map();
    for (const p of points) {
      const key = `${p.precision}|${p.lat}|${p.lon}`;
      (groups.get(key) || groups.set(key, []).get(key)).push(p.uid);
    }
    for (const uids of groups.values()) {
      const p = byUid.get(uids[0]);
      const shape = p.precision === "area" ? null : await base.areaAt(p.lat, p.lon, p.precision);
      if (mine !== drawing) return;
      const type = dominant(uids, byUid);
      const killed = uids.reduce((n, u) => n + (byUid.get(u).fatalities || 0), 0);
      const country = p.precision === "country";
      const style = { color: colorOf(type), weight: country ? 1.5 : 2, dashArray: country ? "2 5" : "6 4", fillColor: colorOf(type),
        fillOpacity: country ? 0.1 : p.precision === "admin1" ? 0.3 : 0.18, className: `ww-area ww-area-${p.precision} ww-type-${type}` };
      const layer = shape
        ? L.geoJSON(shape, { style: () => style })
        : L.circle([p.lat, p.lon], { ...style, radius: (p.ring_km || RING_KM[p.precision]) * 1000 });
      layer.options.precision = p.precision;
      layer.options.fit = p.precision === "admin1" || (p.precision === "area" && (p.ring_km || 0) <= 200); // not whole countries or seas
      const name = p.precision === "country" ? (shape?.properties?.name || p.country_code || p.place)
        : (p.precision === "admin1" ? (p.admin1 || p.place) : p.place);
      const tip = document.createElement("span");
      tip.textContent = `${name} (${p.precision === "admin1" ? "region" : p.precision}-level): ${uids.length} event` +
        `${uids.length > 1 ? "s" : ""}${killed ? `, ${killed} killed` : ""}; located no more precisely than this`;
      layer.bindTooltip(tip, { sticky: true });
      layer.bindPopup(() => areaPopup(uids, name, p.precision));
      areas.addLayer(layer);
      const paths = [];
      layer.eachLayer?.((l) => paths.push(l));
      if (!paths.length) paths.push(layer);
      for (const l of paths) {
        const el = l.getElement?.();
        if (el) Object.assign(el.dataset, { uids: uids.join(" "), precision: p.precision, name: name || "",
          outline: shape ? "yes" : "ring" });
      }
      for (const u of uids) areaOf.set(u, layer);
    }
  }

  /** Replace the events with these overview points; resolves when areas are drawn. */
  async function show(points, fit = false) {
    const mine = ++drawing;
    group.clearLayers();
    areas.clearLayers();
    markers = new Map();
    areaOf = new Map();
    byUid = new Map(points.map((p) => [p.uid, p]));
    const exact = points.filter((p) => p.precision === "point");
    for (const p of exact) markers.set(p.uid, circle(p));
    group.addLayers([...markers.values()]);
    map.invalidateSize();
    await drawAreas(points.filter((p) => p.precision !== "point"), mine);
    if (fit && mine === drawing) fitAll();
    return points.length;
  }

  /** Mark the event's marker (or the cluster holding it, or its area) while a table row is hovered. */
  function highlight(uid) {
    for (const el of highlighted) el.classList.remove("ww-hot");
    highlighted = [];
    if (!uid) return;
    const m = markers.get(uid);
    if (m) {
      const shown = group.getVisibleParent(m);
      const el = shown && (shown === m ? m.getElement() : shown.getElement()?.querySelector(".ww-cluster"));
      if (el) highlighted.push(el);
    }
    const a = areaOf.get(uid);
    if (a) (a.eachLayer ? a.getLayers() : [a]).forEach((l) => l.getElement?.() && highlighted.push(l.getElement()));
    for (const el of highlighted) el.classList.add("ww-hot");
  }

  const view = () => ({ lat: map.getCenter().lat, lon: map.getCenter().lng, zoom: map.getZoom() });
  const bbox = () => {
    const b = map.getBounds();
    return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()].map((x) => x.toFixed(4)).join(",");
  };

  return { map, show, highlight, fitAll, view, bbox, base, hasMarker: (uid) => markers.has(uid) || areaOf.has(uid) };
}
