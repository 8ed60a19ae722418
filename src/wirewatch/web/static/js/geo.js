// Small planar geometry on GeoJSON [lon, lat] coordinates: which area contains a point (to draw a
// region-level event as its region), bounding boxes, and box intersection.

function inRing(ring, x, y) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(rings, x, y) {
  if (!rings.length || !inRing(rings[0], x, y)) return false;
  for (let k = 1; k < rings.length; k++) if (inRing(rings[k], x, y)) return false; // a hole
  return true;
}

/** True if the Polygon/MultiPolygon geometry contains the point (lon, lat). */
export function contains(geometry, lon, lat) {
  if (!geometry) return false;
  if (geometry.type === "Polygon") return inPolygon(geometry.coordinates, lon, lat);
  if (geometry.type === "MultiPolygon") return geometry.coordinates.some((p) => inPolygon(p, lon, lat));
  return false;
}

/** [west, south, east, north] of a geometry. */
export function bboxOf(geometry) {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c) => {
    if (typeof c[0] === "number") {
      w = Math.min(w, c[0]); e = Math.max(e, c[0]); s = Math.min(s, c[1]); n = Math.max(n, c[1]);
    } else c.forEach(walk);
  };
  if (geometry) walk(geometry.coordinates);
  return [w, s, e, n];
}

export const boxHas = (b, lon, lat) => lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];
export const boxesMeet = (a, b) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** The first feature (of those given, each with a precomputed `bbox`) whose area contains the point. */
export function featureAt(features, lon, lat) {
  return features.find((f) => boxHas(f.bbox, lon, lat) && contains(f.geometry, lon, lat)) || null;
}

/** A feature split at the antimeridian (Russia's Chukotka, the Aleutians, Fiji) with its smaller side
 *  moved next to the larger one (longitudes beyond ±180), so its outline is drawn in one piece. */
export function unwrapped(feature) {
  const g = feature.geometry;
  if (!g || g.type !== "MultiPolygon") return feature;
  const b = bboxOf(g);
  if (b[2] - b[0] <= 180) return feature;
  const mean = (poly) => poly[0].reduce((s, c) => s + c[0], 0) / poly[0].length;
  const west = g.coordinates.filter((p) => mean(p) < 0).reduce((n, p) => n + p[0].length, 0);
  const east = g.coordinates.filter((p) => mean(p) >= 0).reduce((n, p) => n + p[0].length, 0);
  const shift = west < east ? 360 : -360;
  const moved = g.coordinates.map((p) => ((shift > 0) === (mean(p) < 0)
    ? p.map((ring) => ring.map(([x, y]) => [x + shift, y])) : p));
  return { ...feature, geometry: { type: "MultiPolygon", coordinates: moved } };
}
