// Talking to the Wirewatch HTTP API (same origin only). Every function returns parsed JSON or throws an
// Error whose message is the server's `message`/`detail`, so the page can show it as it is.

import { apiQuery } from "./state.js";

export const PAGE_SIZE = 50;

async function getJSON(url, signal) {
  const res = await fetch(url, { headers: { Accept: "application/json" }, signal });
  const text = await res.text(); // rejects when the request is aborted mid-body: never a half answer
  let body = null;
  try {
    body = JSON.parse(text);
  } catch {
    if (res.ok) throw new Error(`${url}: the answer is not JSON`);
  }
  if (!res.ok) {
    const detail = body && (body.message || (typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail)));
    throw new Error(`${res.status}: ${detail || res.statusText}`);
  }
  return body;
}

/** Counts per day and type, counts per type, and every located event as a compact row (for the map,
 *  legend and timeline); `points` rows are arrays named by `columns`. */
export async function overview(filters, signal) {
  const got = await getJSON(`/api/events/overview?${apiQuery(filters)}`, signal);
  const at = Object.fromEntries(got.columns.map((c, i) => [c, i]));
  got.points = got.points.map((r) => Object.fromEntries(Object.entries(at).map(([c, i]) => [c, r[i]])));
  return got;
}

/** One page of the event table (EventRow items), in `sort` order, optionally inside a map box. */
export const eventsPage = (filters, { sort, page, bbox }, signal) =>
  getJSON(`/api/events?${apiQuery(filters, { sort, bbox, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`, signal);

export const clusters = (filters, signal) => getJSON(`/api/clusters?${apiQuery(filters, { limit: 50 })}`, signal);
export const cluster = (id) => getJSON(`/api/clusters/${encodeURIComponent(id)}`);
/** A cluster told in time order: `{cluster, reports}`, each report with its figures, why it joined and what it
 *  disagrees with (docs/api.md#story-view). */
export const story = (id) => getJSON(`/api/clusters/${encodeURIComponent(id)}/story`);
export const article = (id) => getJSON(`/api/articles/${encodeURIComponent(id)}`);
export const facets = () => getJSON("/api/facets");
export const labels = (b, zoom, signal) => getJSON(`/api/labels?${new URLSearchParams({
  south: b.south, west: b.west, north: b.north, east: b.east, zoom })}`, signal);
export const sitrep = (filters) => getJSON(`/api/sitrep?${apiQuery(filters, { format: "json" })}`);
export const apiQueryOf = (filters, format) => apiQuery(filters, { format });

/** The uid of an event row ("<article id>#<event id>") split into its parts. */
export function splitUid(uid) {
  const i = uid.lastIndexOf("#");
  return { article: uid.slice(0, i), event: uid.slice(i + 1) };
}

export const exportURL = (filters, format) => `/api/export?${apiQuery(filters, { format })}`;
