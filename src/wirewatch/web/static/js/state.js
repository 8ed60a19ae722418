// The page's state and its address: every filter, the table's order and page, the open tab and event, and
// the map view live in the URL's query string, so a copied address reproduces the view. Pure functions.

export const FILTERS = ["since", "until", "type", "acled", "status", "country", "admin1", "place", "actor",
  "source", "certainty", "unverified", "text"];
export const STATUSES = ["occurred", "future", "hypothetical", "generic"];
export const SORTS = ["day", "type", "place", "fatalities", "sources"];
export const DEFAULTS = { status: "occurred", sort: "-day", page: 1, tab: "events" };
const TABS = ["events", "clusters", "reader"];

const clean = (v) => (typeof v === "string" ? v.trim() : v);

/** State from a query string ("?type=ASSAULT&sort=-fatalities&map=48.5,31,6"). Unknown keys are ignored. */
export function parse(search) {
  const q = new URLSearchParams(search);
  const filters = {};
  for (const key of FILTERS) {
    const v = clean(q.get(key));
    if (v) filters[key] = v;
  }
  if (filters.unverified) filters.unverified = ["1", "true", "yes"].includes(filters.unverified) ? "true" : undefined;
  if (!filters.unverified) delete filters.unverified;
  const statuses = (filters.status || DEFAULTS.status).split(",").map((s) => s.trim()).filter((s) => STATUSES.includes(s));
  filters.status = statuses.length ? statuses.join(",") : DEFAULTS.status;
  const sort = q.get("sort") || DEFAULTS.sort;
  const page = Math.max(1, parseInt(q.get("page") || "1", 10) || 1);
  const tab = TABS.includes(q.get("tab")) ? q.get("tab") : DEFAULTS.tab;
  let map = null;
  const m = (q.get("map") || "").split(",").map(Number);
  if (m.length === 3 && m.every(Number.isFinite) && Math.abs(m[0]) <= 90) map = { lat: m[0], lon: m[1], zoom: m[2] };
  return {
    filters,
    sort: SORTS.includes(sort.replace(/^-/, "")) ? sort : DEFAULTS.sort,
    page,
    tab,
    event: q.get("event") || null,
    cluster: q.get("cluster") || null,
    inview: q.get("inview") === "1",
    map,
  };
}

/** The query string for a state; defaults are left out so addresses stay short. */
export function serialize(state) {
  const q = new URLSearchParams();
  for (const key of FILTERS) {
    const v = state.filters[key];
    if (v === undefined || v === null || v === "" || (key === "status" && v === DEFAULTS.status)) continue;
    q.set(key, key === "unverified" ? "1" : v);
  }
  if (state.sort && state.sort !== DEFAULTS.sort) q.set("sort", state.sort);
  if (state.page && state.page > 1) q.set("page", String(state.page));
  if (state.tab && state.tab !== DEFAULTS.tab) q.set("tab", state.tab);
  if (state.event) q.set("event", state.event);
  if (state.cluster) q.set("cluster", state.cluster);
  if (state.inview) q.set("inview", "1");
  if (state.map) q.set("map", [state.map.lat.toFixed(3), state.map.lon.toFixed(3), state.map.zoom].join(","));
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** The API's query parameters for the filters (status always sent: the API's default may change). */
export function apiQuery(filters, extra = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...extra })) {
    if (v !== undefined && v !== null && v !== "" && v !== false) q.set(k, String(v));
  }
  return q;
}

/** Filters in words, for the report page and the status line ("ASSAULT; UA; from 2022-03-01"). */
export function describe(filters) {
  const f = filters;
  const parts = [];
  if (f.since || f.until) parts.push(f.since && f.until ? `${f.since} to ${f.until}` : f.since ? `from ${f.since}` : `until ${f.until}`);
  if (f.type) parts.push(`type ${f.type.split(",").join(", ")}`);
  if (f.acled) parts.push(`ACLED ${f.acled}`);
  if (f.status && f.status !== DEFAULTS.status) parts.push(`status ${f.status.split(",").join(", ")}`);
  for (const [k, label] of [["country", "country"], ["admin1", "admin1"], ["place", "place"], ["actor", "actor"],
    ["source", "outlet"], ["certainty", "certainty"], ["text", "words"]]) if (f[k]) parts.push(`${label} “${f[k]}”`);
  if (f.unverified) parts.push("unverified only");
  return parts.join("; ");
}
