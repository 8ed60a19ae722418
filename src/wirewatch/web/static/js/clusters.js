// Incidents: event clusters (reports judged to be one real event) for the current filters, most
// independently sourced first, with their source counts, figure ranges and contradictions. Pressing one
// opens its story: every report in date order, who it cites, its figures, how sure and whether verified,
// the disagreements spelled out; each report opens in the reader at its evidence.

import * as api from "./api.js";
import { h, typeBadge } from "./dom.js";



const where = (c) => [c.place, c.admin1 && c.admin1 !== c.place ? c.admin1 : null, c.country_code].filter(Boolean).join(", ") || "place not given";
const when = (c) => (c.first ? (c.last && c.last !== c.first ? `${c.first} to ${c.last}` : c.first) : "date not given");
const range = (f) => (f.low === f.high || f.high === null ? `${f.low}` : `${f.low}–${f.high}`);
const figureText = (f) => {
  const n = f.value ?? (f.low !== null && f.high !== null ? `${f.low}–${f.high}` : f.low ?? f.high ?? "?");
  const q = f.qualifier && f.qualifier !== "exact" ? `${f.qualifier.replace("_", " ")} ` : "";
  return `${f.category.replace(/_/g, " ")}: ${q}${n}`;
};

export function createClusters(root, { onOpenReport, onOpenCluster }) {
  let list = [];

  function item(c) {
    return h("li", {},
      h("button", { type: "button", class: "incident", data: { cluster: c.id }, onclick: () => onOpenCluster(c.id) },
        h("span", { class: "line1" }, typeBadge(c.type), ` ${where(c)} · ${when(c)}`),
        h("span", { class: "line2" },
          h("strong", {}, `${c.n_sources} source${c.n_sources === 1 ? "" : "s"}`),
          `, ${c.n_reports} report${c.n_reports === 1 ? "" : "s"}`,
          c.figures.length ? ` · ${c.figures.map((f) => `${f.category.replace(/_/g, " ")} ${range(f)}`).join(", ")}` : "",
          c.contradictions.length ? h("span", { class: "disputed" }, ` · ⚠ ${c.contradictions.length} contradiction${c.contradictions.length > 1 ? "s" : ""}`) : "",
        ),
        c.sources.length ? h("span", { class: "line3 muted" }, c.sources.join(", ")) : ""));
  }

  function showList(got) {
    list = got.items;
    root.replaceChildren(
      h("p", { class: "muted" }, list.length
        ? `${list.length}${got.next ? "+" : ""} incidents with a report matching the filters, most independently sourced first.`
        : "No incident matches the filters."),
      h("ol", { class: "incidents" }, list.map(item)));
  }

  async function load(filters) {
    root.replaceChildren(h("p", { class: "muted" }, "loading incidents…"));
    try {
      const got = await api.clusters(filters);
      showList(got);
      return got.items.length + (got.next ? 1 : 0);
    } catch (err) {
      root.replaceChildren(h("p", { class: "contradiction" }, `Could not load incidents: ${err.message}`));
      return 0;
    }
  }

  async function openStory(id) {
    root.replaceChildren(h("p", { class: "muted" }, "loading the story…"));
    let c, reports;
    try {
      ({ cluster: c, reports } = await api.story(id));
    } catch (err) {
      root.replaceChildren(h("p", { class: "contradiction" }, `Could not load incident ${id}: ${err.message}`));
      return;
    }
    const why = Object.entries(c.why || {}).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(", ");
    root.replaceChildren(
      h("button", { type: "button", class: "back", onclick: () => showList({ items: list }) }, "‹ All incidents"),
      h("div", { class: "story", data: { cluster: c.id } },
        h("h2", {}, typeBadge(c.type), ` ${where(c)}`),
        h("p", { class: "meta" }, `${when(c)} · ${c.acled_sub_event_type || c.acled_event_type || ""}` +
          `${c.actors.length ? ` · ${c.actors.join(", ")}` : ""}`),
        h("p", {}, h("strong", {}, `${c.n_sources} independent source${c.n_sources === 1 ? "" : "s"}`),
          ` (${c.sources.join(", ") || "none named"}), ${c.n_reports} report${c.n_reports === 1 ? "" : "s"}`),
        why ? h("p", { class: "meta" }, `Joined by: ${why}`) : "",
        c.figures.length ? h("p", {}, "Figures across reports: ",
          c.figures.map((f) => `${f.category.replace(/_/g, " ")} ${range(f)} (${f.reports} report${f.reports === 1 ? "" : "s"})`).join("; ")) : "",
        c.contradictions.map((x) => h("p", { class: "contradiction" }, `⚠ ${x.message}`)),
        h("h3", {}, "Reports in date order"),
        h("ol", { class: "story-reports" }, reports.map((r) => h("li", { class: r.disagrees.length ? "conflict" : "" },
          h("div", { class: "head" }, h("strong", {}, r.source || r.article_id), ` · ${r.day || "no date"}`,
            r.claim_source ? ` · per ${r.claim_source}` : " · outlet's own voice",
            ` · ${r.certainty}`, r.verification ? h("span", { class: `badge ${r.verification}` }, r.verification) : ""),
          r.figures.length ? h("div", { class: "figs" }, r.figures.map(figureText).join("; ")) : "",
          r.disagrees.length ? h("div", { class: "contradiction" }, `disagrees on ${r.disagrees.join(", ")}`) : "",
          r.joined ? h("div", { class: "meta" }, `joined (score ${r.joined.score.toFixed(2)}): ` +
            Object.entries(r.joined.signals).map(([k, v]) => `${k} ${v}`).join(", ")) : "",
          h("blockquote", {}, r.evidence.text),
          h("button", { type: "button", class: "read", onclick: () => onOpenReport({ ...r, cluster_id: c.id }) }, "Read the report at this sentence"))))));
    root.scrollTop = 0;
  }

  return { load, openStory };
}
