import { InvalidArgumentError } from "../errors.ts";
import { validateMillis } from "../kstream/windows/duration.ts";
import type { Serde } from "../serdes.ts";
import { InMemorySessionStore, type SessionStoreSpec } from "./session-store.ts";
import { FluentStoreBuilder } from "./stores.ts";
import { InMemoryTimestampedWindowStore, type WindowStoreSpec } from "./timestamped-window-store.ts";

/** `windowstore.changelog.additional.retention.ms` (default one day): the changelog keeps windows that much longer. */
export const WINDOW_CHANGELOG_ADDITIONAL_RETENTION_MS = 24 * 60 * 60 * 1000;

/** Java's `WindowedChangelogTopicConfig`: compacted and deleted, retention = store retention + one day. */
function windowedChangelogConfig(retentionPeriod: number): Record<string, string> {
  return { "cleanup.policy": "compact,delete", "retention.ms": String(retentionPeriod + WINDOW_CHANGELOG_ADDITIONAL_RETENTION_MS) };
}

/** Java's `Stores` factories for window and session stores (in memory only). */
export const WindowStores = {
  inMemoryWindowStore(name: string, retentionPeriod: number, windowSize: number, retainDuplicates: boolean): WindowStoreSpec {
    const retentionMs = validateMillis(retentionPeriod, "retentionPeriod");
    if (retentionMs < 0) throw new InvalidArgumentError("retentionPeriod cannot be negative");
    const windowSizeMs = validateMillis(windowSize, "windowSize");
    if (windowSizeMs < 0) throw new InvalidArgumentError("windowSize cannot be negative");
    if (windowSizeMs > retentionMs) {
      throw new InvalidArgumentError(`The retention period of the window store ${name} must be no smaller than its window size. Got size=[${windowSize}], retention=[${retentionPeriod}]`);
    }
    return { name, retentionPeriod: retentionMs, windowSize: windowSizeMs, retainDuplicates };
  },

  inMemorySessionStore(name: string, retentionPeriod: number): SessionStoreSpec {
    const retentionMs = validateMillis(retentionPeriod, "retentionPeriod");
    if (retentionMs < 0) throw new InvalidArgumentError("retentionPeriod cannot be negative");
    return { name, retentionPeriod: retentionMs };
  },

  timestampedWindowStoreBuilder<K, V>(spec: WindowStoreSpec, keySerde?: Serde<K>, valueSerde?: Serde<V>): FluentStoreBuilder<InMemoryTimestampedWindowStore<K, V>> {
    return new FluentStoreBuilder(spec.name, (options) => new InMemoryTimestampedWindowStore<K, V>(spec, keySerde, valueSerde, options), windowedChangelogConfig(spec.retentionPeriod));
  },

  sessionStoreBuilder<K, V>(spec: SessionStoreSpec, keySerde?: Serde<K>, valueSerde?: Serde<V>): FluentStoreBuilder<InMemorySessionStore<K, V>> {
    return new FluentStoreBuilder(spec.name, (options) => new InMemorySessionStore<K, V>(spec, keySerde, valueSerde, options), windowedChangelogConfig(spec.retentionPeriod));
  },
};
