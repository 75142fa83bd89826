/**
 * A binary min-heap that breaks ties exactly as java.util.PriorityQueue does (same sift-up/sift-down steps). The
 * task picks its next partition from one, so equal head timestamps must come out in Java's order.
 */
export class JavaPriorityQueue<T> {
  private readonly heap: T[] = [];

  constructor(private readonly compare: (a: T, b: T) => number) {}

  get size(): number {
    return this.heap.length;
  }

  offer(item: T): void {
    let index = this.heap.length;
    this.heap.push(item);
    while (index > 0) {
      const parent = (index - 1) >>> 1;
      const parentItem = this.heap[parent]!;
      if (this.compare(item, parentItem) >= 0) break;
      this.heap[index] = parentItem;
      index = parent;
    }
    this.heap[index] = item;
  }

  poll(): T | undefined {
    if (this.heap.length === 0) return undefined;
    const first = this.heap[0]!;
    const last = this.heap.pop()!;
    const size = this.heap.length;
    if (size > 0) {
      let index = 0;
      const half = size >>> 1;
      while (index < half) {
        let child = 2 * index + 1;
        let childItem = this.heap[child]!;
        const right = child + 1;
        if (right < size && this.compare(childItem, this.heap[right]!) > 0) {
          child = right;
          childItem = this.heap[right]!;
        }
        if (this.compare(last, childItem) <= 0) break;
        this.heap[index] = childItem;
        index = child;
      }
      this.heap[index] = last;
    }
    return first;
  }
}
