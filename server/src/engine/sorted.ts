// Lists kept sorted by a comparison, changed one item at a time: a group's
// claims and parties (group.ts) and the parties that contradict a value
// (contradictions.ts) are kept this way rather than sorted again.

/** Where `item` goes in `list` (sorted by `compare`): before any equal to it, or where it is. */
export function position<T>(list: readonly T[], item: T, compare: (a: T, b: T) => number): number {
  let low = 0;
  let high = list.length;
  // Claims arrive in file order when a corpus loads: check the end first.
  if (high > 0 && compare(list[high - 1], item) < 0) return high;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(list[middle], item) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Puts `item` in its place in `list`; its index there. */
export function insertSorted<T>(list: T[], item: T, compare: (a: T, b: T) => number): number {
  const at = position(list, item, compare);
  if (at === list.length) list.push(item);
  else list.splice(at, 0, item);
  return at;
}

/** Removes `item` from `list`; its index there, or -1. */
export function removeSorted<T>(list: T[], item: T, compare: (a: T, b: T) => number): number {
  const at = position(list, item, compare);
  if (list[at] !== item) return -1;
  list.splice(at, 1);
  return at;
}
