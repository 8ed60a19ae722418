// The map: bundled Natural Earth country outlines (no tiles, works offline), one circle per event sized
// by casualties and coloured by type, clustered where dense. Leaflet and markercluster are globals (L).

import { colorOf } from "./colors.js";

/** People killed or injured (the largest stated counts; properties as `wirewatch export --format geojson`). */
export const casualties = (props) => (props.killed || 0) + (props.injured || 0);

export const radiusOf = (n) => Math.min(28, 6 + 2.2 * Math.sqrt(n));

function clusterIcon(cluster) {
  const children = cluster.getAllChildMarkers();
  const byType = {};
  for (const m of children) byType[m.options.eventType] = (byType[m.options.eventType] || 0) + 1;
  const top = Object.entries(byType).sort((a, b) => b[1] - a[1])[0][0];
  const size = Math.min(46, 24 + 4 * Math.sqrt(children.length));
  const places = [...new Set(children.map((m) => m.options.place).filter(Boolean))].join("|").replace(/[^\p{L}\p{N} |'.-]/gu, "");
  return L.divIcon({
    html: `<div class="ww-cluster" data-places="${places}" style="width:${size}px;height:${size}px;background:${colorOf(top)}">${children.length}</div>`,
    className: "ww-cluster-icon", iconSize: [size, size],
  });
}

export function createMap(element, onSelect) {
  const map = L.map(element, { worldCopyJump: true, minZoom: 2, maxZoom: 12, zoomSnap: 0.5, attributionControl: true });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Outlines: Natural Earth");
  map.setView([48.5, 31], 5);
  const countries = L.geoJSON(null, {
    renderer: L.canvas({ padding: 0.2 }), interactive: false,
    style: { color: "#9a9687", weight: 0.8, fillColor: "#eeeadf", fillOpacity: 1 },
  }).addTo(map);
  fetch("/static/vendor/world-atlas/countries-50m.geojson").then((r) => r.json()).then((g) => countries.addData(g));
  const group = L.markerClusterGroup({
    maxClusterRadius: 36, spiderfyOnMaxZoom: true, showCoverageOnHover: false, iconCreateFunction: clusterIcon,
  }).addTo(map);
  let markers = [];
  const fitAll = () => { if (markers.length) map.fitBounds(group.getBounds(), { padding: [60, 60], maxZoom: 7 }); };
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

  /** Replace the markers with these GeoJSON features; `visible(props)` decides which are shown. */
  function show(features, visible = () => true, fit = false) {
    group.clearLayers();
    markers = [];
    for (const f of features) {
      const p = f.properties;
      if (!visible(p)) continue;
      const [lon, lat] = f.geometry.coordinates;
      const n = casualties(p);
      const m = L.circleMarker([lat, lon], {
        radius: radiusOf(n), color: "#1f2328", weight: 1, fillColor: colorOf(p.type), fillOpacity: 0.85,
        className: `ww-marker ww-type-${p.type}`, eventType: p.type, place: p.place,
      });
      const where = p.place || p.place_text || "unknown place";
      const tip = document.createElement("span"); // text only: Leaflet would parse a string as HTML
      tip.textContent = `${p.type} · ${where} · ${p.day || "no date"}${n ? ` · ${n} killed or injured` : ""}`;
      m.bindTooltip(tip);
      m.on("click", () => onSelect(p));
      m.on("add", () => { // data-* on the SVG path: lets tests and scripts find a marker by what it shows
        const path = m.getElement();
        if (path) Object.assign(path.dataset, { uid: p.uid, place: p.place || "", day: p.day || "", type: p.type });
      });
      m.feature = f;
      markers.push(m);
    }
    group.addLayers(markers);
    map.invalidateSize();
    if (fit) fitAll();
    return markers.length;
  }

  return { map, show, group, markers: () => markers };
}
