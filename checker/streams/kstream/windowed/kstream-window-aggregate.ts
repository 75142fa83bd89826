import type { Processor, ProcessorContext } from "../../processor/api.ts";
import type { Change, StreamRecord } from "../../processor/record.ts";
import type { InMemoryTimestampedWindowStore } from "../../state/timestamped-window-store.ts";
import type { KTableSupplier, KTableValueGetterSupplier } from "../internals/table-supplier.ts";
import { TimestampedTupleForwarder } from "../internals/timestamped-tuple-forwarder.ts";
import type { Window } from "../windows/window.ts";
import { Windowed } from "../windows/windowed.ts";
import type { Windows } from "../windows/windows.ts";
import { type WindowedAggregator, type WindowedInitializer } from "./aggregation-functions.ts";
import { isNullish } from "../internals/store-value-getter.ts";
import type { EmitStrategy } from "./emit-strategy.ts";
import { uncachedForwarder, WindowCloseEmitter, type CloseRange } from "./window-close-emitter.ts";
import { windowStoreValueGetterSupplier } from "./window-store-value-getter.ts";

/**
 * Java's KStreamWindowAggregateProcessor ranges: window starts after the last emitted close time's windows, up to the
 * latest window that ended by the close time; skipped when both bounds fall in the same windows.
 */
function timeWindowCloseRange(windows: Windows<Window>): CloseRange {
  const size = windows.size();
  return {
    lower: (last) => (last === -1 ? 0 : Math.max(0, last - size) + 1),
    upper: (closeTime) => closeTime - size,
    shouldFetch: (lower, upper, last) => last === -1 || !sameWindows(windows.windowsFor(upper), windows.windowsFor(lower - 1)),
  };
}

function sameWindows(a: Map<number, Window>, b: Map<number, Window>): boolean {
  return a.size === b.size && [...a].every(([start, window]) => b.get(start)?.equals(window) === true);
}

/**
 * Tumbling/hopping windowed count, reduce and aggregate (Java's `KStreamWindowAggregate`, emit on every update).
 *
 * Per record: a null key is dropped without moving stream time; otherwise this processor's stream time advances,
 * and each window of `windowsFor(timestamp)` (ascending start) whose end is after `streamTime − grace` is updated and
 * forwarded with timestamp max(record, window's stored timestamp); the others are skipped as expired (a window is
 * closed once `streamTime >= end + grace`). A null **value** is not dropped: it reaches the aggregator (count counts
 * it). Java 4.4.0 does this (looks like a bug, no KAFKA ticket found): its javadoc says such records are ignored.
 */
export class KStreamWindowAggregate<K, V, VA> implements KTableSupplier<Windowed<K>, VA> {
  private sendOldValues = false;

  constructor(
    private readonly windows: Windows<Window>,
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
    const { windows, storeName, emitStrategy, initializer, aggregator, sendOldValues } = this;
    let store: InMemoryTimestampedWindowStore<K, VA>;
    let forwarder: TimestampedTupleForwarder<Windowed<K>, VA>;
    let closeEmitter: WindowCloseEmitter<K, VA> | undefined;
    let observedStreamTime = -1;
    return {
      init: (context: ProcessorContext<Windowed<K>, Change<VA>>) => {
        store = context.getStateStore<InMemoryTimestampedWindowStore<K, VA>>(storeName);
        if (emitStrategy.emitsOnClose) {
          forwarder = uncachedForwarder(context, sendOldValues);
          closeEmitter = new WindowCloseEmitter(store, forwarder, timeWindowCloseRange(windows));
        } else {
          forwarder = new TimestampedTupleForwarder(store, context, sendOldValues);
        }
      },
      process: (record: StreamRecord<K, V>) => {
        if (isNullish(record.key)) return; // Java: "Skipping record due to null key."
        observedStreamTime = Math.max(observedStreamTime, record.timestamp);
        const windowCloseTime = observedStreamTime - windows.gracePeriodMs();
        for (const [windowStart, window] of windows.windowsFor(record.timestamp)) {
          if (window.end() <= windowCloseTime) continue; // Java: "Skipping record for expired window."
          const stored = store.fetch(record.key, windowStart);
          // Java replaces a missing aggregate by the initializer's value before forwarding it as the old value.
          const oldAgg = stored === null ? initializer() : stored.value;
          const timestamp = stored === null ? record.timestamp : Math.max(record.timestamp, stored.timestamp);
          const newAgg = aggregator(record.key, record.value, oldAgg);
          store.put(record.key, newAgg === null ? null : { value: newAgg, timestamp }, windowStart);
          if (closeEmitter) continue;
          forwarder.maybeForward({
            key: new Windowed(record.key, window),
            value: { newValue: newAgg, oldValue: sendOldValues ? oldAgg : null },
            timestamp,
            headers: record.headers,
          });
        }
        closeEmitter?.maybeForwardFinalResult(record, windowCloseTime);
      },
    };
  }
}
