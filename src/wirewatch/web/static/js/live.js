// Live notices: the alerts `wirewatch watch` raises and the events stored since the page drew its data, from
// the server's Server-Sent Events stream (GET /api/alerts/live, docs/api.md#live-alerts). A notice names the
// alert and links to its evidence in the reader; "N new events — refresh" reloads the map, table and timeline
// with the filters in the address. Loaded on its own (index.html): it talks to the rest of the page only
// through the address and `popstate`, which app.js already answers by loading the view the address describes.

import { h } from "./dom.js";

const region = document.getElementById("live");
const MAX_ALERTS = 5;          // notices kept on screen; older ones give way
const RETRY_FIRST_MS = 3000;   // reconnection backoff: 3 s, doubling to 1 min
const RETRY_MAX_MS = 60000;

let lastSeq = null;     // the seq of the last alert received: a reconnection asks for the ones after it
let eventsMark = null;  // the `upto` of the last new-events message: a reconnection counts from there
let newEvents = 0;      // stored since the page's data was last loaded
let latest = null;
let retryMs = RETRY_FIRST_MS;
let source = null;

/** The largest stated "killed" figure of an event row, or null. */
export function killed(event) {
  const values = (event.figures || []).filter((f) => f.category === "killed")
    .map((f) => f.value ?? f.high ?? f.low).filter((v) => v !== null && v !== undefined);
  return values.length ? Math.max(...values) : null;
}

/** "ASSAULT in Mykolaiv, 2 killed" */
export function summary(event) {
  const where = event.place || event.place_text;
  const n = killed(event);
  return `${event.type || "event"}${where ? ` in ${where}` : ""}${n !== null ? `, ${n} killed` : ""}`;
}

/** The page's address with the reader open on event `uid`, the other state (filters, map) kept. */
function readerURL(uid) {
  const q = new URLSearchParams(location.search);
  q.set("tab", "reader");
  q.set("event", uid);
  q.delete("cluster");
  return `${location.pathname}?${q}`;
}

/** Show the view the address now describes: app.js reloads on popstate, as on the browser's Back button. */
function go(url) {
  if (url !== `${location.pathname}${location.search}`) history.pushState(null, "", url);
  window.dispatchEvent(new PopStateEvent("popstate"));
}

function dismissButton(note, what) {
  return h("button", { type: "button", class: "live-close", "aria-label": `Dismiss ${what}`, title: "Dismiss",
    onclick: () => { note.remove(); if (note.classList.contains("live-events")) newEvents = 0; } }, "×");
}

function showAlert(alert) {
  const ev = alert.event || {};
  const uid = ev.uid || alert.event_id;
  const link = h("a", { class: "live-open", href: readerURL(uid), "data-uid": uid }, summary(ev));
  link.addEventListener("click", (e) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return; // a new tab: let it open
    e.preventDefault();
    go(readerURL(uid));
  });
  const outlet = alert.article && alert.article.source;
  const note = h("div", { class: "live-note live-alert", data: { seq: String(alert.seq) } });
  note.append(h("span", { class: "live-text" }, h("strong", {}, "New alert: "), `${alert.rule} — `, link,
    outlet ? h("span", { class: "muted" }, ` (${outlet})`) : null), dismissButton(note, `the alert ${alert.rule}`));
  region.prepend(note);
  const alerts = region.querySelectorAll(".live-alert");
  for (let i = MAX_ALERTS; i < alerts.length; i++) alerts[i].remove();
}

function showEvents() {
  let note = region.querySelector(".live-events");
  if (!note) {
    note = h("div", { class: "live-note live-events" });
    region.append(note);
  }
  const where = latest ? ` (latest: ${summary(latest)})` : "";
  const refresh = h("button", { type: "button", class: "live-refresh", onclick: () => {
    note.remove();
    newEvents = 0;
    latest = null;
    go(`${location.pathname}${location.search}`); // the same view, its data loaded again
  } }, "refresh");
  note.replaceChildren(h("span", { class: "live-text" }, `${newEvents.toLocaleString("en")} new event${newEvents === 1 ? "" : "s"}${where} — `, refresh),
    dismissButton(note, "the new events notice"));
}

function connect() {
  const q = new URLSearchParams();
  if (lastSeq !== null) q.set("since", String(lastSeq));
  if (eventsMark !== null) q.set("events_after", String(eventsMark));
  source = new EventSource(`/api/alerts/live${q.size ? `?${q}` : ""}`);
  source.addEventListener("ready", (e) => {
    const d = JSON.parse(e.data);
    if (lastSeq === null) lastSeq = d.since;
    if (eventsMark === null) eventsMark = d.events_after;
    retryMs = RETRY_FIRST_MS;
    document.body.dataset.live = "on"; // for the tests and for styling
  });
  source.addEventListener("alert", (e) => {
    const alert = JSON.parse(e.data);
    if (lastSeq !== null && alert.seq <= lastSeq) return; // already shown before a reconnection
    lastSeq = alert.seq;
    showAlert(alert);
  });
  source.addEventListener("events", (e) => {
    const d = JSON.parse(e.data);
    if (eventsMark !== null && d.upto <= eventsMark) return;
    eventsMark = d.upto;
    newEvents += d.count;
    latest = d.latest || latest;
    showEvents();
  });
  source.onerror = () => {
    // The browser would reconnect by itself, but to the same address: reconnecting ourselves carries where we
    // were (since, events_after), and backs off while the server is away or refuses (503: too many streams).
    source.close();
    document.body.dataset.live = "off";
    setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
  };
}

if (region && "EventSource" in window) connect();
