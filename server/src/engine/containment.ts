// Which places lie inside which through corroborate.yaml's `in:`, for
// comparing place values and for the hover's "In:" chain. Computed once per
// registry, in time linear in it, so that a chain of 40,000 places costs what
// its reading costs, not its square.

import type { PlaceContainment } from './values';

/**
 * Which places lie inside which through `in:`, computed once per registry in
 * time linear in it: every loop of `in:` is taken as one place (its places lie
 * inside each other), which leaves a forest, and one walk of the forest gives
 * each place the interval of its descendants. "Does A lie in B" is then two
 * comparisons, however deep the chain.
 */
export class Containment implements PlaceContainment {
  /** Each id's node in the forest: ids on one loop share a node. */
  private readonly node = new Map<string, number>();
  /** Per node, when the walk of the forest entered and left it: A lies in B when B's interval holds A's. */
  private readonly enter: Int32Array;
  private readonly exit: Int32Array;
  private readonly loops = new Set<string>();

  constructor(private readonly parent: ReadonlyMap<string, string>) {
    for (const [inner, outer] of parent) {
      if (!this.node.has(inner)) this.node.set(inner, this.node.size);
      if (!this.node.has(outer)) this.node.set(outer, this.node.size);
    }
    this.enter = new Int32Array(this.node.size);
    this.exit = new Int32Array(this.node.size);
    this.findLoops();
    const children = new Map<number, number[]>();
    const roots: number[] = [];
    const seen = new Set<number>();
    for (const [id, node] of this.node) {
      if (seen.has(node)) continue;
      seen.add(node);
      const outer = this.loops.has(id) ? undefined : parent.get(id);
      if (outer === undefined) roots.push(node);
      else {
        const outerNode = this.node.get(outer) as number;
        const list = children.get(outerNode);
        if (list) list.push(node);
        else children.set(outerNode, [node]);
      }
    }
    let clock = 0;
    for (const root of roots) {
      const stack: [number, number][] = [[root, 0]];
      this.enter[root] = clock++;
      while (stack.length > 0) {
        const top = stack[stack.length - 1];
        const [node, next] = top;
        const list = children.get(node);
        if (list && next < list.length) {
          top[1]++;
          const child = list[next];
          this.enter[child] = clock++;
          stack.push([child, 0]);
        } else {
          this.exit[node] = clock++;
          stack.pop();
        }
      }
    }
  }

  /** Walks each `in:` chain once; the places of a loop are merged into one node. */
  private findLoops(): void {
    const UNSEEN = 0;
    const ON_PATH = 1;
    const DONE = 2;
    const state = new Uint8Array(this.node.size);
    const path: string[] = [];
    for (const start of this.parent.keys()) {
      path.length = 0;
      let current: string | undefined = start;
      let at = this.node.get(current) as number;
      while (state[at] === UNSEEN) {
        state[at] = ON_PATH;
        path.push(current);
        current = this.parent.get(current);
        if (current === undefined) break;
        at = this.node.get(current) as number;
      }
      if (current !== undefined && state[at] === ON_PATH) {
        const from = path.indexOf(current);
        for (const id of path.slice(from)) {
          this.loops.add(id);
          this.node.set(id, at);
        }
      }
      for (const id of path) state[this.node.get(id) as number] = DONE;
      state[at] = DONE;
    }
  }

  contains(outer: string, inner: string): boolean {
    if (outer === inner) return true;
    const o = this.node.get(outer);
    const i = this.node.get(inner);
    if (o === undefined || i === undefined) return false;
    return this.enter[o] <= this.enter[i] && this.exit[i] <= this.exit[o];
  }

  chain(place: string): string[] {
    const chain = [place];
    const seen = new Set(chain);
    for (let next = this.parent.get(place); next !== undefined && !seen.has(next); next = this.parent.get(next)) {
      chain.push(next);
      seen.add(next);
    }
    return chain;
  }

  onLoop(id: string): boolean {
    return this.loops.has(id);
  }
}
