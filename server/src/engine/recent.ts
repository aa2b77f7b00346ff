/**
 * Keeps `value` at `key` as the most recently used entry of `kept`, and lets
 * the least recently used go past `capacity`. A Map iterates in insertion
 * order, so an entry taken out and put back moves to the end and the first
 * is always the one used longest ago.
 */
export function keepRecent<K, V>(kept: Map<K, V>, key: K, value: V, capacity: number): void {
  kept.delete(key);
  kept.set(key, value);
  for (const oldest of kept.keys()) {
    if (kept.size <= capacity) break;
    kept.delete(oldest);
  }
}
