// A stance a party takes on whether something is so — an accusation, a
// denial — is the only value of many claims a desk annotates ("Tabital
// Pulaaku accused the militia…" → `dna-involved=yes`, "La milice a toujours
// nié toute implication" → `dna-involved=no`). The finder ties such a value
// by the stance cues of lexicon.ts and what the desk's claims of the
// property teach; this file says when such a value is kept. A stance is a
// party's own act: given to the wrong party it would turn an accusation
// into that party's, so it is kept only where the passage's grammar names
// the party that takes it without doubt, and left out otherwise (with the
// passage itself when it was the only value).

import type { Corpus } from '../corpus';
import { foldText } from '../aliases';
import type { Words } from '../read/words';
import { insideQuotation, type Attribution } from './attribution';
import { idOfSection, type Mention } from './mentions';

/** Words that make the party after them a passive's agent: "désignée par [les survivants]", "blamed by [X]", "من قبل [X]". */
const AGENT_WORDS: ReadonlySet<string> = new Set(['par', 'by', foldText('قبل').folded]);

/**
 * Whether a passage's stance may be given to its claimant, the party its
 * attribution names:
 * - the attribution names that party in the passage, as the first party
 *   the passage names outside a quotation (its subject: "[X], the
 *   affiliate of [Y], denied" is X's denial, and a party read elsewhere is
 *   a doubt; "«… [Y] …», said [X]" quotes Y);
 * - no other party is a passive's agent in it ("[La milice], désignée par
 *   [les survivants] comme responsable, a nié": two parties' stances in
 *   one sentence);
 * - an accusation names the party accused after the party accusing: one
 *   the desk's claims of the property name (`concerned`), not the
 *   claimant ("[X] accused [Y]", "واتهم [X] [Y] بالوقوف وراء…"); a party that accuses someone else ("[The militia]
 *   accuses herders of…") is not accused itself;
 * - a denial is the accused's: the party denying is one the desk's claims
 *   of the property name ("[The ministry] denied any involvement of the
 *   army" is no denial the desk has seen the ministry make).
 */
export function stanceTakenBy(
  corpus: Corpus,
  words: Words,
  mentions: readonly Mention[],
  attribution: Attribution | undefined,
  claimant: string | null,
  affirms: boolean,
  concerned: (id: string) => boolean,
): boolean {
  if (claimant === null || attribution?.mention === undefined || attribution.claimant !== claimant) return false;
  // A party named inside a quotation is quoted by the speaker, not the one taking the stance: "«…[زعيم القرية]…»، قال [أحد السكان]، نافيا…".
  const from = words.list[0]?.start ?? 0;
  const parties = mentions.flatMap((mention) => {
    const id = idOfSection(corpus, mention, 'actor');
    return id === undefined || insideQuotation(words, from, mention.start) ? [] : [{ mention, id }];
  });
  if (parties[0]?.id !== claimant) return false;
  const agent = parties.some(({ mention, id }) => {
    if (id === claimant) return false;
    const before = words.list.filter((word) => word.end <= mention.start).at(-1);
    return before !== undefined && AGENT_WORDS.has(before.text);
  });
  if (agent) return false;
  if (!affirms) return concerned(claimant);
  const accuser = parties[0].mention;
  return parties.some(({ mention, id }) => id !== claimant && mention.start >= accuser.end && concerned(id));
}
