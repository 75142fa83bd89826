import type { Processor, ProcessorContext } from "../../processor/api.ts";
import type { Change, StreamRecord } from "../../processor/record.ts";
import type { InMemorySessionStore } from "../../state/session-store.ts";
import type { KTableSupplier, KTableValueGetterSupplier } from "../internals/table-supplier.ts";
import { SessionWindow } from "../windows/session-window.ts";
import type { SessionWindows } from "../windows/session-windows.ts";
import { Windowed } from "../windows/windowed.ts";
import { type WindowedAggregator, type WindowedInitializer, type WindowedMerger } from "./aggregation-functions.ts";
import { isNullish } from "../internals/store-value-getter.ts";
import type { EmitStrategy } from "./emit-strategy.ts";
import { SessionTupleForwarder } from "./session-tuple-forwarder.ts";

/**
 * Session-windowed count, reduce and aggregate (Java's `KStreamSessionWindowAggregate`, emit on every update).
 *
 * A null key is dropped without moving stream time. A null value is aggregated — Java 4.4.0 does this (looks like a
 * bug, no KAFKA ticket found: the javadoc says such records are ignored). Per record at
 * `t`: stream time advances; every session of the key with `end >= t − gap` and `start <= t + gap` (the gap is
 * inclusive) is merged into one window `[min start, max end]`, folding their aggregates into `initializer()` with the
 * merger in store order (end, then start descending). If the merged window ends before
 * `streamTime − grace − gap`, the record is dropped. Otherwise, unless the merged window is just `[t, t]`, each
 * merged session is removed and a tombstone is forwarded for it (timestamp = its end), then the aggregate is updated
 * with the record and forwarded for the merged session with timestamp = its end. A record inside an existing
 * session therefore emits a tombstone for that session and then the same session with the new value.
 */
export class KStreamSessionWindowAggregate<K, V, VA> implements KTableSupplier<Windowed<K>, VA> {
  private sendOldValues = false;

  constructor(
    private readonly windows: SessionWindows,
    private readonly storeName: string,
    private readonly emitStrategy: EmitStrategy,
    private readonly initializer: WindowedInitializer<VA>,
    private readonly aggregator: WindowedAggregator<K, V, VA>,
    private readonly merger: WindowedMerger<K, VA>,
  ) {}

  enableSendingOldValues(): boolean {
    this.sendOldValues = true;
    return true;
  }

  /** Java's `KTableSessionWindowValueGetter`: the aggregate of exactly that session, timestamped with its end. */
  view(): KTableValueGetterSupplier<Windowed<K>, VA> {
    const storeName = this.storeName;
    return {
      storeNames: [storeName],
      get: () => {
        let store: InMemorySessionStore<K, VA> | undefined;
        return {
          init: (context) => {
            store = context.getStateStore<InMemorySessionStore<K, VA>>(storeName);
          },
          get: (windowedKey) => {
            if (!store) throw new Error(`Value getter of store ${storeName} used before init`);
            const aggregate = store.fetchSession(windowedKey.key(), windowedKey.window().start(), windowedKey.window().end());
            return aggregate === null ? null : { value: aggregate, timestamp: windowedKey.window().end() };
          },
        };
      },
    };
  }

  get(): Processor<K, V, Windowed<K>, Change<VA>> {
    const { windows, storeName, emitStrategy, initializer, aggregator, merger, sendOldValues } = this;
    const emitsOnClose = emitStrategy.emitsOnClose;
    let store: InMemorySessionStore<K, VA>;
    let forwarder: SessionTupleForwarder<K, VA>;
    let observedStreamTime = -1;
    let lastEmitWindowCloseTime = -1;

    /**
     * Java's maybeForwardFinalResult for sessions: every session that ended in the new close range, by end. With the
     * in-memory store a session has normally expired before it closes (retention gap + grace counts from the latest
     * session end, which is stream time), so Java 4.4.0 emits nothing here (looks like a bug, no KAFKA ticket found;
     * RocksDB's segmented store keeps sessions longer).
     */
    const maybeForwardFinalResult = (record: StreamRecord<K, V>, windowCloseTime: number): void => {
      if (lastEmitWindowCloseTime !== -1 && lastEmitWindowCloseTime >= windowCloseTime) return;
      const upper = windowCloseTime - 1;
      const lower = Math.max(0, lastEmitWindowCloseTime);
      if (upper < 0 || upper < lower) return;
      for (const session of store.findSessions(lower, upper)) forwarder.forwardFinal(session.key, session.value, record.headers);
      lastEmitWindowCloseTime = windowCloseTime;
    };

    return {
      init: (context: ProcessorContext<Windowed<K>, Change<VA>>) => {
        store = context.getStateStore<InMemorySessionStore<K, VA>>(storeName);
        forwarder = new SessionTupleForwarder(emitsOnClose ? { setFlushListener: () => false } : store, context, sendOldValues);
      },
      process: (record: StreamRecord<K, V>) => {
        if (isNullish(record.key)) return; // Java: "Skipping record due to null key."
        const t = record.timestamp;
        observedStreamTime = Math.max(observedStreamTime, t);
        const windowCloseTime = observedStreamTime - windows.gracePeriodMs() - windows.inactivityGap();
        const newSessionWindow = new SessionWindow(t, t);
        let mergedWindow = newSessionWindow;
        let agg = initializer();
        const merged = store.findSessions(record.key, t - windows.inactivityGap(), t + windows.inactivityGap());
        for (const session of merged) {
          agg = merger(record.key, agg, session.value);
          const window = session.key.window();
          mergedWindow = new SessionWindow(Math.min(mergedWindow.start(), window.start()), Math.max(mergedWindow.end(), window.end()));
        }
        // Java: "Skipping record for expired window." (closed sessions are still checked for final results)
        if (mergedWindow.end() >= windowCloseTime) {
          if (!mergedWindow.equals(newSessionWindow)) {
            for (const session of merged) {
              store.remove(session.key);
              if (!emitsOnClose) forwarder.maybeForward(session.key, null, session.value);
            }
          }
          agg = aggregator(record.key, record.value, agg);
          const sessionKey = new Windowed(record.key, mergedWindow);
          store.put(sessionKey, agg);
          if (!emitsOnClose) forwarder.maybeForward(sessionKey, agg, null);
        }
        if (emitsOnClose) maybeForwardFinalResult(record, windowCloseTime);
      },
    };
  }
}
