// Talking to the Wirewatch HTTP API (same origin). Every function returns parsed JSON or throws an Error
// whose message is the server's `message`/`detail`, so the page can show it as it is.

const MAX_PAGES = 20; // 20 pages of 1000 events: enough for a browser map, bounded for a huge store

async function getJSON(url) {
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    const detail = body.message || (typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail));
    throw new Error(`${res.status}: ${detail || res.statusText}`);
  }
  return body;
}

/** Query string from the filter form's values; empty values are left out. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "" && v !== false) q.set(k, v);
  return q;
}

/** Every event matching the filters as GeoJSON features (follows `next` up to MAX_PAGES pages), and the
 *  counts per day and type of those without coordinates (`unmapped`), which the timeline still shows. */
export async function events(filters) {
  const q = query({ ...filters, format: "geojson", limit: 1000 });
  let url = `/api/events?${q}`;
  const features = [];
  const unmapped = {}; // day -> type -> events of that day without coordinates
  let without = 0;
  for (let i = 0; url && i < MAX_PAGES; i++) {
    const page = await getJSON(url);
    features.push(...page.features);
    without += page.without_coordinates || 0;
    for (const [day, byType] of Object.entries(page.unmapped || {})) {
      const into = (unmapped[day] ||= {});
      for (const [type, n] of Object.entries(byType)) into[type] = (into[type] || 0) + n;
    }
    url = page.next;
  }
  return { features, unmapped, without, truncated: Boolean(url) };
}

export const article = (id) => getJSON(`/api/articles/${encodeURIComponent(id)}`);
export const cluster = (id) => getJSON(`/api/clusters/${encodeURIComponent(id)}`);
