import type { TimestampedKeyValueStore } from "../../state/timestamped-key-value-store.ts";
import type { KTableValueGetterSupplier } from "./table-supplier.ts";

/**
 * Reads a materialized table straight from its store (Java's `KTableSourceValueGetterSupplier` and
 * `KTableMaterializedValueGetterSupplier`, which are the same).
 */
export function storeValueGetterSupplier<K, V>(storeName: string): KTableValueGetterSupplier<K, V> {
  return {
    storeNames: [storeName],
    get: () => {
      let store: TimestampedKeyValueStore<K, V> | undefined;
      return {
        init: (context) => {
          store = context.getStateStore<TimestampedKeyValueStore<K, V>>(storeName);
        },
        get: (key) => {
          if (!store) throw new Error(`Value getter of store ${storeName} used before init`);
          return store.get(key);
        },
      };
    },
  };
}

/** Java treats a null key as missing; JavaScript has two spellings of it. */
export function isNullish(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}
