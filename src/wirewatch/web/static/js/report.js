// The printable situation report for the filters in this page's address (the same filters as the map
// page): GET /api/sitrep?format=json, rendered as a page of text, every line with its citations.

import * as api from "./api.js";
import { h } from "./dom.js";
import { describe, parse, serialize } from "./state.js";


function line(l) {
  return h("li", {}, l.text,
    l.flags.map((f) => h("span", { class: `flag ${f}` }, f)),
    l.cites.map((n) => h("a", { class: "cite", href: `#ref-${n}`, "aria-label": `source ${n}` }, `[${n}]`)),
    l.sub.length ? h("ul", {}, l.sub.map(line)) : null);
}

const period = (r) => [r.since, r.until].filter(Boolean).join(" to ") || "all dates";

async function main() {
  const { filters } = parse(location.search);
  const root = document.getElementById("report");
  document.getElementById("back").href = `/${serialize({ filters })}`;
  document.getElementById("markdown").href = `/api/sitrep?${api.apiQueryOf(filters, "markdown")}`;
  document.getElementById("print").addEventListener("click", () => window.print());
  let r;
  try {
    r = await api.sitrep(filters);
  } catch (err) {
    root.replaceChildren(h("p", {}, `Could not build the report: ${err.message}`));
    document.body.dataset.ready = "yes";
    return;
  }
  const words = describe(filters);
  document.title = `Situation report: ${period(r)}${r.place ? `, ${r.place}` : ""}`;
  root.replaceChildren(...[
    h("h1", {}, `Situation report: ${period(r)}${r.place ? `, ${r.place}` : ""}`),
    h("p", { class: "filters" }, words ? `Filters: ${words}.` : "No filters: every stored event.",
      ` Built ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC from the Wirewatch store; every line cites the article spans it rests on.`),
    h("p", {}, r.summary.text),
    r.areas.length ? null : h("p", {}, "No events are stored for these filters."),
    r.areas.map((a) => [h("h2", {}, a.name), a.sections.map((s) => [h("h3", {}, s.title), h("ul", {}, s.lines.map(line))])]),
    r.cites.length ? [h("h2", {}, "Sources"), h("ol", { class: "sources" }, r.cites.map((c) =>
      h("li", { id: `ref-${c.n}` }, `${c.source || "unknown outlet"}, ${c.date || "undated"}, article `,
        h("code", {}, c.article_id), `, characters ${c.span.start}–${c.span.end}: `, h("q", {}, c.span.text.split(/\s+/).join(" ")))))] : null,
  ].flat(Infinity).filter(Boolean));
  document.body.dataset.ready = "yes";
}

main();
