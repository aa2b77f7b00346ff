// Did-you-mean: the names closest to a misspelt one.

import { distance } from 'fastest-levenshtein';

/** Up to `limit` names from `pool` within a typo's reach of `word`, closest first. */
export function suggest(word: string, pool: Iterable<string>, limit = 3): string[] {
  const lower = word.toLowerCase();
  const reach = Math.max(1, Math.floor(word.length / 3));
  const scored: { name: string; score: number }[] = [];
  for (const name of pool) {
    if (name === word) continue;
    const score = name.toLowerCase() === lower ? 0 : distance(lower, name.toLowerCase());
    if (score <= reach) scored.push({ name, score });
  }
  scored.sort((a, b) => a.score - b.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return scored.slice(0, limit).map((s) => s.name);
}
