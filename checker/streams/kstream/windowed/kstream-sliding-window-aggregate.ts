import { InvalidArgumentError } from "../../errors.ts";
import type { Processor, ProcessorContext } from "../../processor/api.ts";
import type { Change, StreamRecord } from "../../processor/record.ts";
import type { ValueAndTimestamp } from "../../state/store.ts";
import type { InMemoryTimestampedWindowStore } from "../../state/timestamped-window-store.ts";
import type { KTableSupplier, KTableValueGetterSupplier } from "../internals/table-supplier.ts";
import { TimestampedTupleForwarder } from "../internals/timestamped-tuple-forwarder.ts";
import type { SlidingWindows } from "../windows/sliding-windows.ts";
import { TimeWindow } from "../windows/time-window.ts";
import type { Window } from "../windows/window.ts";
import { Windowed } from "../windows/windowed.ts";
import { type WindowedAggregator, type WindowedInitializer } from "./aggregation-functions.ts";
import { isNullish } from "../internals/store-value-getter.ts";
import type { EmitStrategy } from "./emit-strategy.ts";
import { uncachedForwarder, WindowCloseEmitter } from "./window-close-emitter.ts";
import { windowStoreValueGetterSupplier } from "./window-store-value-getter.ts";

/** Java's `ValueAndTimestamp.make`: a null aggregate is no stored value. */
function make<VA>(value: VA | null, timestamp: number): ValueAndTimestamp<VA> | null {
  return value === null ? null : { value, timestamp };
}

/**
 * Sliding-window count, reduce and aggregate (Java's `KStreamSlidingWindowAggregate`, emit on every update). Windows
 * are `[start, start + d]` with both ends inclusive and are keyed by a TimeWindow `start/start+d`.
 *
 * A record at `t` with a null key or value is dropped (stream time unchanged). Otherwise stream time advances; the
 * record is dropped if `t + d < streamTime − grace`; a record with `t < d` goes through Java's `processEarly`
 * (one combined window `[0, d]`). Else, as Java does with a store that iterates backwards (the in-memory one), the
 * windows of the key starting in `[t − 2d, t + 1]` are visited from the latest start down (`processReverse`):
 * windows containing `t` are updated, then the missing ones are created — the previous record's right window
 * `[prev + 1, prev + 1 + d]` if `t` falls in it, this record's left window `[t − d, t]` (seeded with the aggregate
 * of the records before it), and its right window `[t + 1, t + 1 + d]` when a later record exists within `d`. An
 * update to a window whose end is before `streamTime − grace` is skipped. Each update is forwarded with timestamp
 * max(record, window's stored timestamp), in the order made.
 *
 * A time difference of 0 passes SlidingWindows' validation, but then every record fails here: its left window
 * `[t, t]` is an empty TimeWindow. Java 4.4.0 does this (looks like a bug, no KAFKA ticket found).
 */
export class KStreamSlidingWindowAggregate<K, V, VA> implements KTableSupplier<Windowed<K>, VA> {
  private sendOldValues = false;

  constructor(
    private readonly windows: SlidingWindows,
    private readonly storeName: string,
    private readonly emitStrategy: EmitStrategy,
    private readonly initializer: WindowedInitializer<VA>,
    private readonly aggregator: WindowedAggregator<K, V, VA>,
  ) {}

  enableSendingOldValues(): boolean {
    this.sendOldValues = true;
    return true;
  }

  view(): KTableValueGetterSupplier<Windowed<K>, VA> {
    return windowStoreValueGetterSupplier<K, VA>(this.storeName);
  }

  get(): Processor<K, V, Windowed<K>, Change<VA>> {
    return new SlidingWindowAggregateProcessor(this.windows, this.storeName, this.emitStrategy, this.initializer, this.aggregator, this.sendOldValues);
  }
}

class SlidingWindowAggregateProcessor<K, V, VA> implements Processor<K, V, Windowed<K>, Change<VA>> {
  private store!: InMemoryTimestampedWindowStore<K, VA>;
  private forwarder!: TimestampedTupleForwarder<Windowed<K>, VA>;
  private closeEmitter: WindowCloseEmitter<K, VA> | undefined;
  private observedStreamTime = -1;
  private readonly difference: number;

  constructor(
    private readonly windows: SlidingWindows,
    private readonly storeName: string,
    private readonly emitStrategy: EmitStrategy,
    private readonly initializer: WindowedInitializer<VA>,
    private readonly aggregator: WindowedAggregator<K, V, VA>,
    private readonly sendOldValues: boolean,
  ) {
    this.difference = windows.timeDifferenceMs();
  }

  init(context: ProcessorContext<Windowed<K>, Change<VA>>): void {
    this.store = context.getStateStore<InMemoryTimestampedWindowStore<K, VA>>(this.storeName);
    if (this.emitStrategy.emitsOnClose) {
      this.forwarder = uncachedForwarder(context, this.sendOldValues);
      const difference = this.difference;
      // Java's KStreamSlidingWindowAggregateProcessor ranges: windows are inclusive, so one ms later than time windows.
      this.closeEmitter = new WindowCloseEmitter(this.store, this.forwarder, {
        lower: (last) => (last === -1 ? 0 : Math.max(0, last - difference)),
        upper: (closeTime) => closeTime - difference - 1,
        shouldFetch: () => true,
      });
    } else {
      this.forwarder = new TimestampedTupleForwarder(this.store, context, this.sendOldValues);
    }
  }

  process(record: StreamRecord<K, V>): void {
    if (isNullish(record.key) || isNullish(record.value)) return; // Java: "Skipping record due to null key or value."
    this.observedStreamTime = Math.max(this.observedStreamTime, record.timestamp);
    const windowCloseTime = this.observedStreamTime - this.windows.gracePeriodMs();
    if (record.timestamp + this.difference < windowCloseTime) return; // Java: "Skipping record for expired window."
    if (record.timestamp < this.difference) {
      // Java checks for closed windows only after a record that is not early.
      this.processEarly(record, windowCloseTime);
      return;
    }
    this.processReverse(record, windowCloseTime);
    this.closeEmitter?.maybeForwardFinalResult(record, windowCloseTime);
  }

  private processReverse(record: StreamRecord<K, V>, closeTime: number): void {
    const t = record.timestamp;
    const windowStartTimes = new Set<number>();
    let leftWinAgg: ValueAndTimestamp<VA> | null = null;
    let rightWinAgg: ValueAndTimestamp<VA> | null = null;
    let leftWinAlreadyCreated = false;
    let rightWinAlreadyCreated = false;
    let previousRecordTimestamp: number | null = null;

    for (const { key: windowed, value } of this.store.backwardFetch(record.key, record.key, Math.max(0, t - 2 * this.difference), t + 1)) {
      const startTime = windowed.window().start();
      windowStartTimes.add(startTime);
      const endTime = startTime + this.difference;
      const windowMaxRecordTimestamp = value.timestamp;
      if (startTime === t + 1) {
        rightWinAlreadyCreated = true;
      } else if (endTime > t) {
        if (rightWinAgg === null) rightWinAgg = value;
        this.updateWindowAndForward(windowed.window(), value, record, closeTime);
      } else if (endTime === t) {
        leftWinAlreadyCreated = true;
        this.updateWindowAndForward(windowed.window(), value, record, closeTime);
        // A left window already holding a record at or after t: every other window exists already.
        if (windowMaxRecordTimestamp >= t) return;
        previousRecordTimestamp = windowMaxRecordTimestamp;
      } else {
        // endTime < t: the latest window before this record holds the aggregate its left window starts from.
        leftWinAgg = value;
        previousRecordTimestamp = windowMaxRecordTimestamp;
        break;
      }
    }
    this.createWindows(record, closeTime, windowStartTimes, rightWinAgg, leftWinAgg, leftWinAlreadyCreated, rightWinAlreadyCreated, previousRecordTimestamp);
  }

  /** Records with `t < d`: their left window would start before 0, so they share the window `[0, d]`. */
  private processEarly(record: StreamRecord<K, V>, closeTime: number): void {
    const t = record.timestamp;
    if (t < 0 || t >= this.difference) {
      throw new InvalidArgumentError("Early record for sliding windows must fall between fall between 0 <= inputRecordTimestamp");
    }
    let combinedWindow: { window: Window; value: ValueAndTimestamp<VA> } | null = null;
    let rightWinAgg: ValueAndTimestamp<VA> | null = null;
    let rightWinAlreadyCreated = false;
    const windowStartTimes = new Set<number>();
    let previousRecordTimestamp: number | null = null;

    for (const { key: windowed, value } of this.store.fetch(record.key, record.key, 0, t + 1)) {
      const startTime = windowed.window().start();
      windowStartTimes.add(startTime);
      const windowMaxRecordTimestamp = value.timestamp;
      if (startTime === 0) {
        combinedWindow = { window: windowed.window(), value };
        if (windowMaxRecordTimestamp < t) previousRecordTimestamp = windowMaxRecordTimestamp;
      } else if (startTime <= t) {
        rightWinAgg = value;
        this.updateWindowAndForward(windowed.window(), value, record, closeTime);
      } else if (startTime === t + 1) {
        rightWinAlreadyCreated = true;
      } else {
        throw new Error("Unexpected window found when processing sliding windows"); // Java: IllegalStateException
      }
    }

    if (rightWinAgg === null && combinedWindow !== null && combinedWindow.value.timestamp > t) rightWinAgg = combinedWindow.value;
    if (!rightWinAlreadyCreated && rightWindowIsNotEmpty(rightWinAgg, t)) this.createCurrentRecordRightWindow(t, rightWinAgg!, record);
    if (previousRecordTimestamp !== null && !windowStartTimes.has(previousRecordTimestamp + 1)) {
      this.createPreviousRecordRightWindow(previousRecordTimestamp + 1, record, closeTime);
    }
    if (combinedWindow === null) {
      this.updateWindowAndForward(new TimeWindow(0, this.difference), make(this.initializer(), t), record, closeTime);
    } else {
      this.updateWindowAndForward(combinedWindow.window, combinedWindow.value, record, closeTime);
    }
  }

  private createWindows(
    record: StreamRecord<K, V>,
    closeTime: number,
    windowStartTimes: Set<number>,
    rightWinAgg: ValueAndTimestamp<VA> | null,
    leftWinAgg: ValueAndTimestamp<VA> | null,
    leftWinAlreadyCreated: boolean,
    rightWinAlreadyCreated: boolean,
    previousRecordTimestamp: number | null,
  ): void {
    const t = record.timestamp;
    if (previousRecordTimestamp !== null) {
      const previousRightWinStart = previousRecordTimestamp + 1;
      if (!windowStartTimes.has(previousRightWinStart) && previousRightWinStart + this.difference >= t) {
        this.createPreviousRecordRightWindow(previousRightWinStart, record, closeTime);
      }
    }
    if (!leftWinAlreadyCreated) {
      const leftWindowNotEmpty = previousRecordTimestamp !== null && t - this.difference <= previousRecordTimestamp;
      // Java reads leftWinAgg.value() here without a null check; it is set whenever the left window is not empty.
      const seed = leftWindowNotEmpty ? make(leftWinAgg!.value, t) : make(this.initializer(), t);
      this.updateWindowAndForward(new TimeWindow(t - this.difference, t), seed, record, closeTime);
    }
    if (!rightWinAlreadyCreated && rightWindowIsNotEmpty(rightWinAgg, t)) this.createCurrentRecordRightWindow(t, rightWinAgg!, record);
  }

  /** The record's right window holds exactly the later records, whose aggregate is already known: no update, old value null. */
  private createCurrentRecordRightWindow(t: number, rightWinAgg: ValueAndTimestamp<VA>, record: StreamRecord<K, V>): void {
    const window = new TimeWindow(t + 1, t + 1 + this.difference);
    this.store.put(record.key, rightWinAgg, window.start());
    this.forward(record, window, null, rightWinAgg.value, rightWinAgg.timestamp);
  }

  private createPreviousRecordRightWindow(windowStart: number, record: StreamRecord<K, V>, closeTime: number): void {
    const window = new TimeWindow(windowStart, windowStart + this.difference);
    this.updateWindowAndForward(window, make(this.initializer(), record.timestamp), record, closeTime);
  }

  private updateWindowAndForward(window: Window, valueAndTimestamp: ValueAndTimestamp<VA> | null, record: StreamRecord<K, V>, closeTime: number): void {
    // The window end is inclusive: it stays open while end >= streamTime − grace. Java: "Skipping record for expired window."
    if (window.end() < closeTime) return;
    const oldAgg = valueAndTimestamp === null ? null : valueAndTimestamp.value;
    const newAgg = this.aggregator(record.key, record.value, oldAgg);
    const timestamp = oldAgg === null ? record.timestamp : Math.max(record.timestamp, valueAndTimestamp!.timestamp);
    this.store.put(record.key, make(newAgg, timestamp), window.start());
    this.forward(record, window, oldAgg, newAgg, timestamp);
  }

  private forward(record: StreamRecord<K, V>, window: Window, oldAgg: VA | null, newAgg: VA | null, timestamp: number): void {
    if (this.closeEmitter) return;
    this.forwarder.maybeForward({
      key: new Windowed(record.key, window),
      value: { newValue: newAgg, oldValue: this.sendOldValues ? oldAgg : null },
      timestamp,
      headers: record.headers,
    });
  }
}

function rightWindowIsNotEmpty<VA>(rightWinAgg: ValueAndTimestamp<VA> | null, t: number): boolean {
  return rightWinAgg !== null && rightWinAgg.timestamp > t;
}
