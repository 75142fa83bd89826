import type { ProcessorContext } from "../../processor/api.ts";
import type { Change, StreamRecord } from "../../processor/record.ts";
import type { InMemoryTimestampedWindowStore } from "../../state/timestamped-window-store.ts";
import { TimestampedTupleForwarder } from "../internals/timestamped-tuple-forwarder.ts";
import type { Windowed } from "../windows/windowed.ts";

/** Which window starts a close check may emit (Java's emitRangeLowerBound / emitRangeUpperBound / shouldRangeFetch). */
export interface CloseRange {
  lower(lastEmitWindowCloseTime: number): number;
  upper(windowCloseTime: number): number;
  shouldFetch(lower: number, upper: number, lastEmitWindowCloseTime: number): boolean;
}

/** The forwarder Java uses with `onWindowClose`: no store, so no cache in between. */
export function uncachedForwarder<K, VA>(context: ProcessorContext<K, Change<VA>>, sendOldValues: boolean): TimestampedTupleForwarder<K, VA> {
  return new TimestampedTupleForwarder<K, VA>({ setFlushListener: () => false }, context, sendOldValues);
}

/**
 * `emitStrategy(onWindowClose())` for time and sliding windows (Java's
 * `AbstractKStreamTimeWindowAggregateProcessor.maybeForwardFinalResult`): after each record, the windows whose
 * start lies in the new close range are read from the store (by start, then key) and forwarded once, with their
 * stored timestamp and the headers of the record that closed them.
 *
 * Java 4.4.0 does this (looks like a bug, no KAFKA ticket found): the store only keeps windows for size + grace after the largest window start it holds, so
 * a record that moves stream time far ahead expires closed windows before they are emitted, and they are never
 * emitted at all.
 */
export class WindowCloseEmitter<K, VA> {
  private lastEmitWindowCloseTime = -1;

  constructor(
    private readonly store: InMemoryTimestampedWindowStore<K, VA>,
    private readonly forwarder: TimestampedTupleForwarder<Windowed<K>, VA>,
    private readonly range: CloseRange,
  ) {}

  maybeForwardFinalResult(record: StreamRecord<unknown, unknown>, windowCloseTime: number): void {
    if (this.lastEmitWindowCloseTime !== -1 && this.lastEmitWindowCloseTime >= windowCloseTime) return;
    const upper = this.range.upper(windowCloseTime);
    if (upper < 0) return;
    const lower = this.range.lower(this.lastEmitWindowCloseTime);
    if (!this.range.shouldFetch(lower, upper, this.lastEmitWindowCloseTime)) return;
    for (const { key, value } of this.store.fetchAll(lower, upper)) {
      this.forwarder.maybeForward({ key, value: { newValue: value.value, oldValue: null }, timestamp: value.timestamp, headers: record.headers });
    }
    this.lastEmitWindowCloseTime = windowCloseTime;
  }
}
