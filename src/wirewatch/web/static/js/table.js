// The event table: one page of events from the API in the chosen order. A column heading sorts (again:
// the other way); a row opens the report at its evidence (click, or Enter/Space when focused); hovering or
// focusing a row marks the event on the map.

import { PAGE_SIZE } from "./api.js";
import { h, typeBadge } from "./dom.js";

const PRECISION = { ADM1: "region", ADM1H: "region", PCLI: "country", PCL: "country", PCLD: "country", PCLF: "country",
  PCLS: "country", PCLIX: "country", TERR: "country", ADM2: "district", ADM3: "district", ADMD: "district", RGN: "area",
  SEA: "sea", CONT: "continent", OCN: "ocean" };
const VAGUE = new Set(["CONT", "OCN"]); // not drawn: too wide to be a location

/** Largest stated 'killed' count of a row, as the API sorts by it (value, else high, else low). */
export function killedOf(row) {
  const got = (row.figures || []).filter((f) => f.category === "killed")
    .map((f) => f.value ?? f.high ?? f.low).filter((n) => n !== null && n !== undefined);
  return got.length ? Math.max(...got) : null;
}

const td = (text, cls) => {
  const c = document.createElement("td");
  if (cls) c.className = cls;
  if (text instanceof Node) c.append(text); else c.textContent = text ?? "";
  return c;
};

export function createTable(table, { onOpen, onHover, onSort }) {
  const body = table.querySelector("tbody");
  let sort = "-day";
  let last = { page: 1, n: 0, inview: false };

  for (const th of table.querySelectorAll("th[data-sort]")) {
    th.querySelector("button").addEventListener("click", () => {
      const key = th.dataset.sort;
      const now = sort.replace(/^-/, "");
      // first press: newest / most / A-Z first; again: the other way
      const first = ["day", "fatalities", "sources"].includes(key) ? `-${key}` : key;
      onSort(now === key ? (sort.startsWith("-") ? key : `-${key}`) : first);
    });
  }

  function markSort() {
    for (const th of table.querySelectorAll("th[data-sort]")) {
      const key = th.dataset.sort;
      const on = sort.replace(/^-/, "") === key;
      th.setAttribute("aria-sort", on ? (sort.startsWith("-") ? "descending" : "ascending") : "none");
      th.querySelector("button").dataset.dir = on ? (sort.startsWith("-") ? "▼" : "▲") : "";
    }
  }

  function row(r, selected) {
    const tr = document.createElement("tr");
    tr.tabIndex = 0;
    tr.dataset.uid = r.uid;
    if (r.uid === selected) tr.classList.add("selected");
    const where = r.place || r.place_text || "—";
    const level = PRECISION[(r.place_feature_code || "").toUpperCase()];
    const place = document.createElement("span");
    place.textContent = where;
    if (r.admin1 && r.admin1 !== where) place.append(Object.assign(document.createElement("span"), { className: "muted", textContent: `, ${r.admin1}` }));
    if (r.country_code) place.append(Object.assign(document.createElement("span"), { className: "muted", textContent: ` ${r.country_code}` }));
    if (level) place.append(Object.assign(document.createElement("span"), { className: "tag", textContent: level }));
    if (r.lat === null || r.lat === undefined || VAGUE.has((r.place_feature_code || "").toUpperCase())) place.append(Object.assign(document.createElement("span"), { className: "tag", textContent: "not on map" }));
    const type = h("span", {}, typeBadge(r.type));
    if (r.acled_event_type) type.append(Object.assign(document.createElement("span"), { className: "acled", textContent: r.acled_sub_event_type || r.acled_event_type }));
    const killed = killedOf(r);
    tr.append(td(r.day || "—", "day"), td(type), td(place), td(killed ?? "—", "num"), td(r.cluster_sources ?? "—", "num"),
      td(r.source || "—"));
    tr.title = r.evidence?.text || "";
    tr.addEventListener("click", () => onOpen(r));
    tr.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); onOpen(r); }
      if (e.key === "ArrowDown") { e.preventDefault(); tr.nextElementSibling?.focus(); }
      if (e.key === "ArrowUp") { e.preventDefault(); tr.previousElementSibling?.focus(); }
    });
    tr.addEventListener("mouseenter", () => onHover(r.uid));
    tr.addEventListener("mouseleave", () => onHover(null));
    tr.addEventListener("focus", () => onHover(r.uid));
    tr.addEventListener("blur", () => onHover(null));
    return tr;
  }

  /** Show a page: `got` is an /api/events page; `total` the overview's count (or null when unknown). */
  function show(got, { page, total, order, selected, inview }) {
    sort = order;
    markSort();
    body.replaceChildren(...got.items.map((r) => row(r, selected)));
    if (!got.items.length) {
      const tr = document.createElement("tr");
      const c = td(inview ? "No event in the map view: zoom out, or untick “only events in the map view”." : "No event matches the filters.", "empty");
      c.colSpan = 6;
      tr.append(c);
      body.append(tr);
    }
    last = { page, n: got.items.length, inview };
    label(total);
    document.getElementById("page-prev").disabled = page <= 1;
    document.getElementById("page-next").disabled = !got.next;
    table.dataset.rows = String(got.items.length);
  }

  function label(total) {
    const first = (last.page - 1) * PAGE_SIZE + 1;
    const to = first + last.n - 1;
    const of = total !== null && total !== undefined && !last.inview ? ` of ${total.toLocaleString("en")}` : "";
    document.getElementById("pager-label").textContent = last.n ? `rows ${first}–${to}${of}` : "";
  }

  function select(uid) {
    for (const tr of body.querySelectorAll("tr.selected")) tr.classList.remove("selected");
    if (uid) body.querySelector(`tr[data-uid="${CSS.escape(uid)}"]`)?.classList.add("selected");
  }

  return { show, select, setTotal: label };
}
