// The article text as DOM nodes with every extracted span wrapped by kind. Spans may overlap or nest, so
// the text is cut at every span boundary and each piece carries the classes of all spans covering it.
// Text goes in with textContent only: nothing from an article is ever parsed as HTML.

/** Every span of a wirewatch.article/1 document as {start, end, kind, ref}. */
export function spansOf(doc) {
  const out = [];
  const add = (span, kind, ref) => { if (span && span.end > span.start) out.push({ start: span.start, end: span.end, kind, ref }); };
  for (const t of doc.times) add(t, "time", t.id);
  for (const p of doc.places) add(p, "place", p.id);
  for (const a of doc.actors) add(a, "actor", a.id);
  for (const f of doc.figures) add(f, "figure", f.id);
  for (const n of doc.notes || []) add(n, "note", null);
  for (const c of doc.claims) {
    add(c.content, "content", c.id);
    add(c.source, "source", c.id);
    add(c.cue, "cue", c.id);
    for (const m of c.modality_cues || []) add(m, "modality", c.id);
  }
  for (const e of doc.events) {
    add(e.evidence, "evidence", e.id);
    add(e.trigger, "trigger", e.id);
  }
  return out;
}

/**
 * A <div> holding `doc.text` with <span class="hl k-KIND ..."> pieces. Each piece lists the claims and
 * events covering it in data-claims / data-events, so a click can find them. `focus` = {event, claim}.
 */
export function highlighted(doc, focus = {}) {
  const text = doc.text;
  const spans = spansOf(doc);
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const root = document.createElement("div");
  root.className = "article-text";
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) { root.append(document.createTextNode(piece)); continue; }
    const el = document.createElement("span");
    el.textContent = piece;
    const kinds = new Set(covering.map((s) => s.kind));
    el.className = ["hl", ...[...kinds].map((k) => `k-${k}`)].join(" ");
    const claims = [...new Set(covering.filter((s) => ["content", "source", "cue", "modality"].includes(s.kind)).map((s) => s.ref))];
    const events = [...new Set(covering.filter((s) => s.kind === "evidence" || s.kind === "trigger").map((s) => s.ref))];
    if (claims.length) el.dataset.claims = claims.join(" ");
    if (events.length) el.dataset.events = events.join(" ");
    if (focus.event && events.includes(focus.event)) el.classList.add("focus");
    if (focus.claim && claims.includes(focus.claim)) el.classList.add("focus-claim");
    el.title = [...kinds].join(", ");
    root.append(el);
  }
  return root;
}

export const KINDS = [
  ["evidence", "event evidence"], ["trigger", "event trigger"], ["time", "time"], ["place", "place"],
  ["actor", "actor"], ["figure", "figure"], ["source", "claim source"], ["cue", "cue"],
  ["content", "claim content"], ["modality", "certainty cue"], ["note", "note"],
];
