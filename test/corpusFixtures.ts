// A small corpus, shared by the unit and protocol tests of the corpus on disk.

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
