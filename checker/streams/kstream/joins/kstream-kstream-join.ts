import type { Processor, ProcessorContext, ProcessorSupplier } from "../../processor/api.ts";
import type { StreamRecord } from "../../processor/record.ts";
import type { InMemoryTimestampedWindowStore } from "../../state/timestamped-window-store.ts";
import { isNullish } from "../internals/store-value-getter.ts";
import type { JoinWindows } from "./join-windows.ts";
import type { LeftOrRightValue, OuterJoinStore, TimestampedKeyAndJoinSide } from "./outer-join-store.ts";
import { javaLongSumAtLeast, LONG_MAX_VALUE, type TimeTracker, type TimeTrackerSupplier } from "./time-tracker.ts";

/** One side of a stream-stream join as its processor sees it (Java's `KStreamKStreamJoinLeftSide` / `RightSide`). */
export interface StreamJoinSide<VThis, VOther, VOut> {
  readonly leftSide: boolean;
  /** Emits `joiner(value, null)` for records without a partner: the left side of left/outer joins, the right side of outer joins. */
  readonly outer: boolean;
  readonly otherStoreName: string;
  /** The shared store of unmatched records: left and outer joins built with the non-deprecated JoinWindows factories. */
  readonly outerStoreName: string | undefined;
  /** `(thisValue, otherValue)`: the user's joiner, reversed on the right side so results always read `(left, right)`. */
  readonly joiner: (thisValue: VThis | null, otherValue: VOther | null) => VOut;
  readonly windows: JoinWindows;
  readonly timeTrackers: TimeTrackerSupplier;
}

/**
 * Java's `KStreamKStreamJoin` processor (Kafka Streams 4.4.0), one per side. A record (already forwarded by its own
 * side's window processor, which stores it right after) looks up the other side's window store for records of the same
 * key with timestamps in `[ts - before, ts + after]` (right side: `[ts - after, ts + before]`), clamped at 0, and
 * emits `joiner(left, right)` per match, in the other store's order, at `max(ts, otherTs)`.
 *
 * Left/outer results without a partner are not emitted at once: the record waits in the shared outer store, and
 * whenever a record arrives whose timestamp equals the join's stream time (shared by both sides), every waiting
 * record whose window has closed (`ts + after + grace < streamTime` for left records, `ts + before + grace` for right
 * records) is emitted first, in store order, as `joiner(v, null)` / `joiner(null, v)` with its own timestamp. A later
 * match removes a waiting record. Java throttles that scan by wall clock (`__emit.interval.ms.kstreams.outer.join.
 * spurious.results.fix__`, 1 s in KafkaStreams); its TopologyTestDriver sets the interval to 0, which is what this does.
 */
export function streamJoinProcessor<K, VThis, VOther, VOut>(side: StreamJoinSide<VThis, VOther, VOut>): ProcessorSupplier<K, VThis, K, VOut> {
  return () => new StreamJoinProcessor<K, VThis, VOther, VOut>(side);
}

/** The outer store as one side sees it: it holds both sides' values. */
type SharedOuterStore<K> = OuterJoinStore<K, unknown, unknown>;

class StreamJoinProcessor<K, VThis, VOther, VOut> implements Processor<K, VThis, K, VOut> {
  private context!: ProcessorContext<K, VOut>;
  private otherStore!: InMemoryTimestampedWindowStore<K, VOther>;
  private outerStore: SharedOuterStore<K> | undefined;
  private tracker!: TimeTracker;
  /** This side's look-back and look-ahead: the left side uses (before, after), the right side (after, before). */
  private readonly joinBeforeMs: number;
  private readonly joinAfterMs: number;

  constructor(private readonly side: StreamJoinSide<VThis, VOther, VOut>) {
    const { beforeMs, afterMs } = side.windows;
    this.joinBeforeMs = side.leftSide ? beforeMs : afterMs;
    this.joinAfterMs = side.leftSide ? afterMs : beforeMs;
  }

  init(context: ProcessorContext<K, VOut>): void {
    this.context = context;
    this.otherStore = context.getStateStore(this.side.otherStoreName);
    this.tracker = this.side.timeTrackers.get(context.taskId);
    if (this.side.outerStoreName !== undefined) this.outerStore = context.getStateStore<SharedOuterStore<K>>(this.side.outerStoreName);
  }

  process(record: StreamRecord<K, VThis>): void {
    const { key, value, timestamp } = record;
    this.tracker.advanceStreamTime(timestamp);
    if (this.side.outer && isNullish(key) && !isNullish(value)) {
      // KIP-962 (3.7+): a null-key record cannot join, so a left/outer join emits it at once.
      this.context.forward({ ...record, value: this.side.joiner(value, null) });
      return;
    }
    // Java logs "Skipping record due to null key or value" and counts a dropped record.
    if (isNullish(key) || isNullish(value)) return;

    if (timestamp === this.tracker.streamTime && this.outerStore) this.emitClosedOuterRecords(this.outerStore, record);

    const timeFrom = Math.max(0, timestamp - this.joinBeforeMs);
    const timeTo = Math.max(0, timestamp + this.joinAfterMs);
    const matches = this.otherStore.fetch(key, timeFrom, timeTo);
    for (const match of matches) this.emitInnerJoin(record, match.key, match.value.value);
    if (!this.side.outer || matches.length > 0) return;
    // Java 4.4.0 does this (looks like KAFKA-19536, open): a record whose window end `ts + after` is already behind
    // stream time is emitted as `v+null` at once, without waiting for the grace period in which a partner could
    // still arrive. Without the outer store (deprecated JoinWindows.of) every unmatched record is emitted at once.
    if (!this.outerStore || timeTo < this.tracker.streamTime) {
      this.context.forward({ ...record, value: this.side.joiner(value, null) });
    } else {
      this.tracker.updateMinTime(timestamp);
      this.outerStore.add({ key, timestamp, leftSide: this.side.leftSide }, this.side.leftSide ? { left: value } : { right: value });
    }
  }

  close(): void {
    this.side.timeTrackers.remove(this.context.taskId);
  }

  /** Java's `emitNonJoinedOuterRecords`, including its bookkeeping of `minTime`, which decides when it scans at all. */
  private emitClosedOuterRecords(store: SharedOuterStore<K>, record: StreamRecord<K, VThis>): void {
    const tracker = this.tracker;
    // Nothing can have closed yet. Java's sum wraps when minTime is Long.MAX_VALUE (empty store), so it then scans.
    if (javaLongSumAtLeast([tracker.minTime, this.joinAfterMs, this.side.windows.gracePeriodMs()], tracker.streamTime)) return;
    tracker.minTime = LONG_MAX_VALUE;
    let leftWindowOpen = false;
    let rightWindowOpen = false;
    for (const { key: waiting, values } of store.all()) {
      tracker.minTime = BigInt(waiting.timestamp);
      // Store order is by timestamp, so once both sides found an open window nothing later can be closed.
      if (leftWindowOpen && rightWindowOpen) break;
      if (this.isWindowOpen(waiting)) {
        if (waiting.leftSide) leftWindowOpen = true;
        else rightWindowOpen = true;
        continue;
      }
      for (const value of values) this.forwardUnmatched(record, waiting, value);
      store.remove(waiting);
    }
  }

  private isWindowOpen(waiting: TimestampedKeyAndJoinSide<K>): boolean {
    const { beforeMs, afterMs } = this.side.windows;
    const lookBack = waiting.leftSide ? afterMs : beforeMs;
    return waiting.timestamp + lookBack + this.side.windows.gracePeriodMs() >= this.tracker.streamTime;
  }

  private forwardUnmatched(record: StreamRecord<K, VThis>, waiting: TimestampedKeyAndJoinSide<K>, value: LeftOrRightValue<unknown, unknown>): void {
    const left = "left" in value ? value.left : null;
    const right = "right" in value ? value.right : null;
    const thisValue = (this.side.leftSide ? left : right) as VThis | null;
    const otherValue = (this.side.leftSide ? right : left) as VOther | null;
    this.context.forward({ key: waiting.key, value: this.side.joiner(thisValue, otherValue), timestamp: waiting.timestamp, headers: record.headers });
  }

  private emitInnerJoin(record: StreamRecord<K, VThis>, otherTimestamp: number, otherValue: VOther): void {
    // The partner no longer waits for a left/outer result (Java's `putIfAbsent(key, null)`: delete if present).
    this.outerStore?.removeIfPresent({ key: record.key, timestamp: otherTimestamp, leftSide: !this.side.leftSide });
    this.context.forward({ ...record, value: this.side.joiner(record.value, otherValue), timestamp: Math.max(record.timestamp, otherTimestamp) });
  }
}
