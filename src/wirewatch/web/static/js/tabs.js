// Accessible tabs (WAI-ARIA tabs pattern): arrow keys move between tabs, Home/End jump, the panel of the
// selected tab is shown and the others hidden.

export function createTabs(list, { onChange }) {
  const tabs = [...list.querySelectorAll('[role="tab"]')];
  const name = (tab) => tab.id.replace(/^tab-/, "");

  function select(which, focus = false) {
    for (const tab of tabs) {
      const on = name(tab) === which;
      tab.setAttribute("aria-selected", String(on));
      tab.tabIndex = on ? 0 : -1;
      document.getElementById(tab.getAttribute("aria-controls")).hidden = !on;
      if (on && focus) tab.focus();
    }
  }

  for (const tab of tabs) {
    tab.addEventListener("click", () => { select(name(tab)); onChange(name(tab)); });
    tab.addEventListener("keydown", (e) => {
      const i = tabs.indexOf(tab);
      const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      const next = tabs[(to + tabs.length) % tabs.length];
      select(name(next), true);
      onChange(name(next));
    });
  }
  return { select };
}
