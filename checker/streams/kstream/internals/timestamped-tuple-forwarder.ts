import type { ProcessorContext } from "../../processor/api.ts";
import type { Change, StreamRecord } from "../../processor/record.ts";
import type { TimestampedKeyValueStore } from "../../state/timestamped-key-value-store.ts";

/**
 * How a table processor that writes a store forwards its updates (Java's `TimestampedTupleForwarder` with a
 * `TimestampedCacheFlushListener`): when the store caches, nothing is forwarded now and the cache forwards the
 * compacted update when it flushes (with the stored value's timestamp); otherwise every update is forwarded at once.
 * Old values are stripped unless a downstream operator asked for them.
 */
export class TimestampedTupleForwarder<K, V> {
  private readonly cachingEnabled: boolean;

  constructor(
    // Only the cache hook is used, so timestamped window stores (keyed by Windowed<K>) fit too.
    store: Pick<TimestampedKeyValueStore<K, V>, "setFlushListener">,
    private readonly context: ProcessorContext<K, Change<V>>,
    private readonly sendOldValues: boolean,
  ) {
    this.cachingEnabled = store.setFlushListener((record) => {
      const { newValue, oldValue } = record.value;
      context.forward({
        key: record.key,
        value: { newValue: newValue?.value ?? null, oldValue: oldValue?.value ?? null },
        timestamp: newValue !== null ? newValue.timestamp : record.timestamp,
        headers: record.headers,
      });
    }, sendOldValues);
  }

  maybeForward(record: StreamRecord<K, Change<V>>): void {
    if (this.cachingEnabled) return;
    this.context.forward(this.sendOldValues ? record : { ...record, value: { newValue: record.value.newValue, oldValue: null } });
  }
}
