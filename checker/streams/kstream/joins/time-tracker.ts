/** Java's `Long.MAX_VALUE`: an empty outer store's minimum timestamp. A bigint because Java's sums with it overflow. */
export const LONG_MAX_VALUE = (1n << 63n) - 1n;

/**
 * Stream time shared by both sides of one stream-stream join in one task (Java's `KStreamImplJoin.TimeTracker`): the
 * largest timestamp either side has seen, advanced before the null-key check, and a lower bound of the timestamps
 * waiting in the outer-join store, which lets a side skip scanning the store when nothing can have expired.
 */
export class TimeTracker {
  /** Java's `ConsumerRecord.NO_TIMESTAMP` until the first record. */
  streamTime = -1;
  minTime: bigint = LONG_MAX_VALUE;

  advanceStreamTime(recordTimestamp: number): void {
    this.streamTime = Math.max(recordTimestamp, this.streamTime);
  }

  updateMinTime(recordTimestamp: number): void {
    const timestamp = BigInt(recordTimestamp);
    if (timestamp < this.minTime) this.minTime = timestamp;
  }
}

/** One tracker per task, shared by the join's two processors (Java's `TimeTrackerSupplier`). */
export class TimeTrackerSupplier {
  private readonly trackers = new Map<string, TimeTracker>();

  get(taskId: string): TimeTracker {
    let tracker = this.trackers.get(taskId);
    if (!tracker) {
      tracker = new TimeTracker();
      this.trackers.set(taskId, tracker);
    }
    return tracker;
  }

  remove(taskId: string): void {
    this.trackers.delete(taskId);
  }
}

/** `a + b + c >= limit` in Java's 64-bit long arithmetic (a sum with Long.MAX_VALUE wraps to a negative number). */
export function javaLongSumAtLeast(terms: readonly (bigint | number)[], limit: number): boolean {
  const sum = terms.reduce<bigint>((total, term) => BigInt.asIntN(64, total + BigInt(term)), 0n);
  return sum >= BigInt(limit);
}
