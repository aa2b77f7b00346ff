// A small corpus and a corpus nested in it, shared by the unit and protocol
// tests of the corpus on disk: an inner report cites @rfi, which only the
// inner registry knows, and @jnim, which only the outer one knows, so each
// registry judges it differently. And a registry of two parties whose
// claims on an outcome can contradict each other across reports.

export const OUTER_REGISTRY = `documents: ["**/*.txt"]
properties:
  outcome: { type: enum, values: [captured, repelled] }
actors:
  afp: { name: AFP }
  jnim: { name: JNIM, aliases: [JNIM] }
events:
  attack: { name: Attack on the camp }
`;

export const OUTER_REPORT = `---
source: afp
---
Selon l'AFP, [le JNIM]{@jnim} [a pris le camp]{claim by=@jnim event=@attack outcome=captured}.
`;

export const INNER_REGISTRY = `documents: ["**/*.txt"]
actors:
  rfi: { name: RFI }
`;

export const INNER_REPORT = `---
source: rfi
---
Selon RFI, [le JNIM]{@jnim} a attaqué.
`;

/** JNIM and FAMa, and the outcome of one attack: a report each, claiming captured and repelled, contradict each other. */
export const TWO_PARTIES_REGISTRY = `documents: ["*.txt"]
properties:
  outcome: { type: enum, values: [captured, repelled] }
actors:
  jnim: { name: JNIM, aliases: [JNIM] }
  fama: { name: FAMa, aliases: [FAMa] }
events:
  attack: { name: Attack on the camp }
`;
