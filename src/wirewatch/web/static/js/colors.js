// One colour per PLOVER event type, grouped: material conflict reds, verbal conflict oranges/purples,
// cooperation greens/blues. Used by markers, the timeline bars and the legend alike.

export const TYPES = [
  "ASSAULT", "COERCE", "MOBILIZE", "THREATEN", "SANCTION", "PROTEST", "ACCUSE", "REJECT",
  "REQUEST", "RETREAT", "CONCEDE", "AID", "COOPERATE", "SUPPORT", "CONSULT", "AGREE",
];

const PALETTE = {
  ASSAULT: "#d1242f", COERCE: "#e8590c", MOBILIZE: "#8c4a14", THREATEN: "#8250df", SANCTION: "#bf3989",
  PROTEST: "#d4a72c", ACCUSE: "#fb8f44", REJECT: "#a475f9", REQUEST: "#57606a", RETREAT: "#6e7781",
  CONCEDE: "#4ac26b", AID: "#1a7f37", COOPERATE: "#0969da", SUPPORT: "#54aeff", CONSULT: "#1b7c83", AGREE: "#2da44e",
};

export const colorOf = (type) => PALETTE[type] || "#57606a";
