// The claim viewer: one report read closely. The article with every span highlighted by kind, the event
// and its claim (source, cue, certainty, verification), and the other reports of the same event cluster
// side by side with their figures, so disagreements show at a glance.

import * as api from "./api.js";
import { h, typeBadge } from "./dom.js";
import { highlighted, KINDS } from "./highlight.js";


function badge(verification) {
  const v = verification || "none";
  return h("span", { class: `badge ${v}`, "data-verification": v }, verification || "not stated");
}


function dl(pairs) {
  return h("dl", {}, pairs.filter(([, v]) => v !== null && v !== undefined && v !== "").flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
}

const figureText = (f) => {
  const n = f.value ?? (f.low !== null && f.high !== null ? `${f.low}–${f.high}` : f.low ?? f.high ?? "?");
  const q = f.qualifier && f.qualifier !== "exact" ? `${f.qualifier.replace("_", " ")} ` : "";
  return `${f.category.replace(/_/g, " ")}: ${q}${n}`;
};

function claimCard(doc, claim) {
  if (!claim) return h("div", { class: "card claim", "data-claim": "" }, h("p", { class: "muted" }, "No attribution: the outlet states this in its own voice."));
  const actor = claim.source && claim.source.actor ? doc.actors.find((a) => a.id === claim.source.actor) : null;
  return h("div", { class: "card claim", "data-claim": claim.id },
    dl([
      ["Source", claim.source ? [h("strong", {}, claim.source.text), claim.source.kind ? ` (${claim.source.kind})` : "",
        actor && actor.name !== claim.source.text ? ` → ${actor.name}` : ""] : "not named"],
      ["Cue", claim.cue ? h("span", { class: "hl k-cue" }, claim.cue.text) : null],
      ["Says", h("span", { class: "claim-content" }, claim.direct_quote ? `“${claim.content.text}”` : claim.content.text)],
      ["Certainty", [claim.certainty, claim.polarity === "negative" ? " · negated" : "",
        (claim.modality_cues || []).length ? ` (${claim.modality_cues.map((m) => m.text).join(", ")})` : ""]],
      ["Verified", badge(claim.verification)],
    ]));
}

function eventCard(doc, ev) {
  const byId = Object.fromEntries([...doc.places, ...doc.actors, ...doc.times, ...doc.figures].map((x) => [x.id, x]));
  const name = (id) => (id && byId[id] ? byId[id].name || byId[id].text : null);
  const place = ev.place && byId[ev.place];
  return h("div", { class: "card event", "data-event": ev.id },
    h("p", {}, typeBadge(ev.type),
      ev.acled_event_type ? ` ${ev.acled_event_type}${ev.acled_sub_event_type ? ` / ${ev.acled_sub_event_type}` : ""}` : "",
      ev.cameo ? ` · CAMEO ${ev.cameo}` : ""),
    dl([
      ["Who", name(ev.actor1)], ["To whom", name(ev.actor2)],
      ["Where", place ? `${place.name || place.text}${place.admin1 ? `, ${place.admin1}` : ""}${place.country_code ? ` (${place.country_code})` : ""}` : null],
      ["When", ev.date ? `${ev.date}${ev.date_precision ? ` (${ev.date_precision})` : ""}` : null],
      ["Figures", ev.figures.map((id) => byId[id]).filter(Boolean).map(figureText).join("; ") || null],
      ["Certainty", `${ev.certainty}${ev.polarity === "negative" ? " · negated" : ""}`],
    ]));
}

function clusterView(cluster, currentUid, open) {
  if (!cluster || cluster.reports.length < 2) {
    return h("p", { class: "muted" }, "No other report of this event in the store.");
  }
  // A figure conflicts when reports give different numbers for the same category.
  const readings = {};
  for (const r of cluster.reports) for (const f of r.figures) {
    (readings[f.category] ||= new Set()).add(f.value ?? `${f.low}-${f.high}`);
  }
  const cards = cluster.reports.map((r) => h("button", {
    type: "button", class: `report${r.uid === currentUid ? " current" : ""}`, "data-uid": r.uid, title: "open this report",
    onclick: () => open(r),
  },
  h("strong", { class: "blk" }, r.source || r.article_id), h("span", { class: "blk muted" }, r.day || "no date"),
  r.figures.length
    ? r.figures.map((f) => h("span", { class: `blk fig${readings[f.category].size > 1 ? " conflict" : ""}` }, figureText(f)))
    : h("span", { class: "blk muted" }, "no figures"),
  h("span", { class: "blk" }, r.claim_source ? `per ${r.claim_source}` : "outlet's own voice"),
  h("span", { class: "blk" }, `${r.certainty} `, badge(r.verification))));
  return h("div", {},
    h("p", { class: "meta" }, `${cluster.n_reports} reports from ${cluster.n_sources} independent source(s)` +
      (cluster.place ? ` · ${cluster.place}` : "") + (cluster.first ? ` · ${cluster.first}${cluster.last && cluster.last !== cluster.first ? ` to ${cluster.last}` : ""}` : "")),
    cluster.contradictions.map((c) => h("p", { class: "contradiction" }, `⚠ ${c.message}`)),
    h("div", { class: "reports" }, cards));
}

export function createViewer(root) {
  let token = 0;

  /** Show one event: a row of /api/events, or anything with its `uid` ("<article id>#<event id>") and,
   *  when known, `cluster_id` and `claim_id`. */
  async function openEvent(row) {
    const mine = ++token;
    const { article: articleId, event: eventId } = api.splitUid(row.uid);
    root.replaceChildren(h("p", { class: "muted" }, "loading…"));
    try {
      const [doc, cluster] = await Promise.all([
        api.article(row.article_id || articleId), row.cluster_id ? api.cluster(row.cluster_id).catch(() => null) : null]);
      if (mine !== token) return;
      render(doc, { event: row.id ?? eventId, claim: row.claim_id, uid: row.uid, cluster });
      root.dataset.uid = row.uid;
    } catch (err) {
      if (mine === token) root.replaceChildren(h("p", { class: "contradiction" }, `Could not load the report: ${err.message}`));
    }
  }

  function render(doc, focus) {
    const a = doc.article;
    const ev = doc.events.find((e) => e.id === focus.event);
    const claimId = focus.claim ?? (ev ? ev.claim : null);
    const claim = doc.claims.find((c) => c.id === claimId);
    const text = highlighted(doc, { event: focus.event, claim: claimId });
    text.addEventListener("click", (e) => {
      const piece = e.target.closest(".hl");
      if (!piece) return;
      const c = piece.dataset.claims ? piece.dataset.claims.split(" ")[0] : null;
      const ev2 = piece.dataset.events ? piece.dataset.events.split(" ")[0] : null;
      if (c && c !== claimId) render(doc, { ...focus, claim: c, event: ev2 || focus.event });
      else if (ev2 && ev2 !== focus.event) render(doc, { ...focus, event: ev2, claim: null, cluster: null });
    });
    root.replaceChildren(
      h("h2", {}, a.title || a.id),
      h("p", { class: "meta" }, [a.source, a.date, a.dateline].filter(Boolean).join(" · ") || a.id),
      ev ? eventCard(doc, ev) : null,
      h("h3", {}, "Claim"), claimCard(doc, claim),
      h("h3", {}, "Article"),
      h("div", { class: "key" }, KINDS.map(([k, label]) => h("span", { class: `hl k-${k}` }, label))),
      text,
      h("h3", {}, "Other reports of this event"), clusterView(focus.cluster, focus.uid, openEvent));
    root.scrollTop = 0;
    const target = text.querySelector(".hl.focus") || text.querySelector(".hl.focus-claim");
    if (target) text.scrollTop = Math.max(0, target.offsetTop - 24); // scroll the text box only, not the panel
  }

  return { openEvent };
}
