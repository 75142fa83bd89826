/**
 * Just enough of java.util's HashSet and TreeSet to reproduce the order Java's Topology.describe() prints: its text
 * lists set members in HashSet (hash bucket) order and in TreeSet order under a comparator whose answers change
 * while the set is being filled, so only the same red-black tree steps give the same order.
 */

/** Java's String.hashCode: s[0]·31^(n-1) + … + s[n-1], in 32-bit arithmetic over UTF-16 code units. */
export function javaStringHash(text: string): number {
  let hash = 0;
  for (let index = 0; index < text.length; index++) hash = (Math.imul(hash, 31) + text.charCodeAt(index)) | 0;
  return hash;
}

/**
 * Iteration order of a java.util.HashSet<String> (default capacity 16, load factor 0.75) filled with `items` in
 * order: by bucket of the final table, then insertion order within a bucket (resizes keep that order).
 */
export function javaHashOrder(items: readonly string[]): string[] {
  const unique = [...new Set(items)];
  let capacity = 16;
  while (unique.length > capacity * 0.75) capacity *= 2;
  const bucket = (item: string): number => {
    const hash = javaStringHash(item);
    return (hash ^ (hash >>> 16)) & (capacity - 1);
  };
  return unique.map((item, position) => ({ item, position, bucket: bucket(item) })).sort((a, b) => a.bucket - b.bucket || a.position - b.position).map(({ item }) => item);
}

/** `[a, b]`: Java's AbstractCollection.toString. */
export function javaSetString(items: readonly string[]): string {
  return `[${items.join(", ")}]`;
}

interface TreeEntry<T> {
  readonly key: T;
  left: TreeEntry<T> | undefined;
  right: TreeEntry<T> | undefined;
  parent: TreeEntry<T> | undefined;
  red: boolean;
}

/** java.util.TreeSet: a red-black tree, insertion exactly as TreeMap.put / fixAfterInsertion. */
export class JavaTreeSet<T> implements Iterable<T> {
  private root: TreeEntry<T> | undefined;

  constructor(private readonly compare: (a: T, b: T) => number) {}

  add(key: T): void {
    if (!this.root) {
      this.root = { key, left: undefined, right: undefined, parent: undefined, red: false };
      return;
    }
    let parent: TreeEntry<T> = this.root;
    let current: TreeEntry<T> | undefined = this.root;
    let cmp = 0;
    while (current) {
      parent = current;
      cmp = this.compare(key, current.key);
      if (cmp === 0) return;
      current = cmp < 0 ? current.left : current.right;
    }
    const entry: TreeEntry<T> = { key, left: undefined, right: undefined, parent, red: true };
    if (cmp < 0) parent.left = entry;
    else parent.right = entry;
    this.fixAfterInsertion(entry);
  }

  *[Symbol.iterator](): Iterator<T> {
    const stack: TreeEntry<T>[] = [];
    let current = this.root;
    while (current || stack.length > 0) {
      while (current) {
        stack.push(current);
        current = current.left;
      }
      const entry = stack.pop()!;
      yield entry.key;
      current = entry.right;
    }
  }

  private fixAfterInsertion(inserted: TreeEntry<T>): void {
    let x: TreeEntry<T> | undefined = inserted;
    while (x && x !== this.root && x.parent?.red) {
      const parent: TreeEntry<T> = x.parent;
      const grandparent = parent.parent;
      if (parent === grandparent?.left) {
        const uncle = grandparent.right;
        if (uncle?.red) {
          parent.red = false;
          uncle.red = false;
          grandparent.red = true;
          x = grandparent;
        } else {
          if (x === parent.right) {
            x = parent;
            this.rotateLeft(x);
          }
          this.setBlackAndRotateGrandparent(x, (node) => this.rotateRight(node));
        }
      } else {
        const uncle = grandparent?.left;
        if (uncle?.red) {
          parent.red = false;
          uncle.red = false;
          if (grandparent) grandparent.red = true;
          x = grandparent;
        } else {
          if (x === parent.left) {
            x = parent;
            this.rotateRight(x);
          }
          this.setBlackAndRotateGrandparent(x, (node) => this.rotateLeft(node));
        }
      }
    }
    this.root!.red = false;
  }

  private setBlackAndRotateGrandparent(x: TreeEntry<T>, rotate: (node: TreeEntry<T> | undefined) => void): void {
    if (x.parent) x.parent.red = false;
    const grandparent = x.parent?.parent;
    if (grandparent) grandparent.red = true;
    rotate(grandparent);
  }

  private rotateLeft(p: TreeEntry<T> | undefined): void {
    if (!p) return;
    const r = p.right!;
    p.right = r.left;
    if (r.left) r.left.parent = p;
    this.replaceChild(p, r);
    r.left = p;
    p.parent = r;
  }

  private rotateRight(p: TreeEntry<T> | undefined): void {
    if (!p) return;
    const l = p.left!;
    p.left = l.right;
    if (l.right) l.right.parent = p;
    this.replaceChild(p, l);
    l.right = p;
    p.parent = l;
  }

  /** Puts `replacement` where `node` hangs from its parent (or at the root). */
  private replaceChild(node: TreeEntry<T>, replacement: TreeEntry<T>): void {
    replacement.parent = node.parent;
    if (!node.parent) this.root = replacement;
    else if (node.parent.left === node) node.parent.left = replacement;
    else node.parent.right = replacement;
  }
}
