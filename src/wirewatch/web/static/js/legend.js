// The legend, which is also the type filter: the event types in the store, grouped by family, each a
// toggle button with its colour and how many events of it the other filters leave. Press a type to show
// only it, more types to add them, a family name for the whole family, "All types" to clear.

import { colorOf, FAMILIES } from "./colors.js";

export function createLegend(root, { onChange }) {
  let present = [];   // types in the store
  let selected = [];  // the type filter ([] = all)

  const toggle = (types) => {
    const all = types.every((t) => selected.includes(t));
    selected = all ? selected.filter((t) => !types.includes(t)) : [...new Set([...selected, ...types])];
    onChange(selected);
  };

  function button(label, types, cls, count) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = cls;
    const on = selected.length === 0 || types.every((t) => selected.includes(t));
    b.setAttribute("aria-pressed", String(selected.length > 0 && on));
    if (!on) b.classList.add("off");
    if (types.length === 1) {
      const sw = document.createElement("span");
      sw.className = "swatch";
      sw.style.background = colorOf(types[0]);
      b.append(sw);
      b.dataset.type = types[0];
    }
    b.append(label);
    if (count !== undefined) b.append(Object.assign(document.createElement("span"), { className: "n", textContent: ` ${count}` }));
    b.addEventListener("click", () => toggle(types));
    return b;
  }

  /** Redraw with the store's types, the current selection and per-type counts under the other filters. */
  function render(storeTypes, typeFilter, counts) {
    present = storeTypes;
    selected = typeFilter ? typeFilter.split(",").filter(Boolean) : [];
    const parts = [];
    const head = document.createElement("div");
    head.className = "legend-head";
    head.append("Types");
    if (selected.length) {
      const all = document.createElement("button");
      all.type = "button";
      all.className = "all";
      all.textContent = "All types";
      all.addEventListener("click", () => { selected = []; onChange([]); });
      head.append(all);
    }
    parts.push(head);
    for (const fam of FAMILIES) {
      const types = fam.types.filter((t) => present.includes(t) || selected.includes(t));
      if (!types.length) continue;
      const box = document.createElement("div");
      box.className = "family";
      box.dataset.family = fam.id;
      box.append(button(fam.label, types, "fam"));
      for (const t of types) box.append(button(t, [t], "type", counts[t] || 0));
      parts.push(box);
    }
    root.replaceChildren(...parts);
    root.hidden = present.length === 0;
  }

  return { render };
}
