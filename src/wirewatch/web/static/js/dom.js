// Building DOM from data: `h(tag, props, ...children)` and the type badge. Text always goes in as text
// (never parsed as HTML), and colours through the CSSOM: the page runs under a strict CSP (no style attributes).

import { colorOf, inkOn } from "./colors.js";

/** An element: props `class`, `data` (dataset), `on<event>` (listeners), others as attributes; children may be
 *  nested arrays, strings or nodes; null/undefined/false are left out. */
export function h(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "class") e.className = v;
    else if (k === "data") Object.assign(e.dataset, v);
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v);
  }
  for (const c of children.flat(Infinity)) if (c !== null && c !== undefined && c !== false) e.append(c instanceof Node ? c : String(c));
  return e;
}

/** The PLOVER type as a badge in its colour. */
export function typeBadge(type) {
  const b = h("span", { class: "badge type" }, type);
  b.style.background = colorOf(type);
  b.style.color = inkOn(type);
  return b;
}
