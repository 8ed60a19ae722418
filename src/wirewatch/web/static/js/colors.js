// Colours of the event types, grouped by family (PLOVER's by CAMEO's quad classes, then the happenings
// outside PLOVER): one hue per family from the Okabe–Ito palette, which people with any common
// colour-vision deficiency can tell apart, and within a family one step of lightness per type (the darkest
// is the most severe). So REJECT and THREATEN differ in lightness, REQUEST and RETREAT in hue.
// Markers, areas, timeline bars and the legend all use these.

export const FAMILIES = [
  { id: "material-conflict", label: "Material conflict", types: ["ASSAULT", "COERCE", "MOBILIZE", "SANCTION"],
    colors: ["#8a3d00", "#d55e00", "#e49659", "#eebf99"] },
  { id: "verbal-conflict", label: "Verbal conflict", types: ["THREATEN", "PROTEST", "ACCUSE", "REJECT"],
    colors: ["#70435c", "#ad678e", "#dba1c1", "#ebc9dc"] },
  { id: "verbal-cooperation", label: "Verbal cooperation", types: ["REQUEST", "CONSULT", "AGREE", "SUPPORT"],
    colors: ["#004a74", "#0072b2", "#59a3cd", "#99c7e0"] },
  { id: "material-cooperation", label: "Material cooperation", types: ["AID", "COOPERATE", "CONCEDE", "RETREAT"],
    colors: ["#00674b", "#009e73", "#59c0a4", "#99d8c7"] },
  // happenings outside PLOVER (docs/events.md "Other happenings"): Okabe–Ito's yellow, in lightness steps
  { id: "other-happenings", label: "Other happenings", types: ["DISASTER", "ACCIDENT", "ELECTION", "OFFICE"],
    colors: ["#6e6400", "#a89a00", "#d8c900", "#f0e442"] },
];

export const TYPES = FAMILIES.flatMap((f) => f.types);

const COLOR = Object.fromEntries(FAMILIES.flatMap((f) => f.types.map((t, i) => [t, f.colors[i]])));
const FAMILY = Object.fromEntries(FAMILIES.flatMap((f) => f.types.map((t) => [t, f])));

export const colorOf = (type) => COLOR[type] || "#6a737d";
export const familyOf = (type) => FAMILY[type] || null;

/** Black or white, whichever reads better on the type's colour (for text on a badge). */
export function inkOn(type) {
  const hex = colorOf(type);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return lum > 0.55 ? "#1f2328" : "#ffffff";
}
