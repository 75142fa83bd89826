import type { StoreBuilder } from "../../state/store.ts";
import { Stores } from "../../state/stores.ts";
import type { TimestampedKeyValueStore } from "../../state/timestamped-key-value-store.ts";
import type { NamedMaterialized } from "./materialized-internal.ts";

/**
 * The store behind a DSL table (Java's `KeyValueStoreMaterializer`): an in-memory timestamped key-value store with the
 * Materialized serdes (undefined = config defaults), changelog logging and the record cache as the user chose
 * (both on by default).
 */
export function keyValueStoreBuilder<K, V>(materialized: NamedMaterialized<K, V>): StoreBuilder<TimestampedKeyValueStore<K, V>> {
  const builder = Stores.timestampedKeyValueStoreBuilder(Stores.inMemoryKeyValueStore(materialized.storeName), materialized.keySerde, materialized.valueSerde);
  if (materialized.loggingEnabled) builder.withLoggingEnabled(materialized.topicConfig);
  else builder.withLoggingDisabled();
  if (materialized.cachingEnabled) builder.withCachingEnabled();
  return builder;
}
