// Copy the pinned front-end libraries from node_modules into the package's static files, with their
// licences, so the page and /docs work with no internet and neither tests nor users need npm.
// Run: cd web && npm ci && node vendor.mjs   (the output is committed)
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { feature } from "topojson-client";

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
  ["world-atlas", "world-atlas", [["LICENSE", "LICENSE"]]],
];

rmSync(out, { recursive: true, force: true });
const manifest = [];
for (const [pkg, dest, files] of COPIES) {
  mkdirSync(join(out, dest), { recursive: true });
  for (const [src, dst] of files) cpSync(join(nm, pkg, src), join(out, dest, dst), { recursive: true });
  manifest.push(`${pkg}@${version(pkg)} -> vendor/${dest}/`);
}

// Country outlines: Natural Earth 1:50m (public domain) via world-atlas TopoJSON, converted to GeoJSON here
// so the page needs no TopoJSON decoder; coordinates rounded to 0.01 degree (about 1 km) to keep it small.
const topo = JSON.parse(readFileSync(join(nm, "world-atlas", "countries-50m.json"), "utf8"));
const round = (x) => (Array.isArray(x) ? x.map(round) : Math.round(x * 100) / 100);
const countries = feature(topo, topo.objects.countries);
for (const f of countries.features) f.geometry.coordinates = round(f.geometry.coordinates);
writeFileSync(join(out, "world-atlas", "countries-50m.geojson"), JSON.stringify(countries));
manifest.push(`world-atlas@${version("world-atlas")} countries-50m.json -> vendor/world-atlas/countries-50m.geojson ` +
  `(Natural Earth 4.1.0 admin 0, public domain; converted with topojson-client@${version("topojson-client")})`);

writeFileSync(join(out, "VERSIONS.txt"), "Vendored by web/vendor.mjs from the npm registry; do not edit by hand.\n" +
  manifest.join("\n") + "\n");
console.log(manifest.join("\n"));
