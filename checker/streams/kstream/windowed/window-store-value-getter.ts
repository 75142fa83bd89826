import type { InMemoryTimestampedWindowStore } from "../../state/timestamped-window-store.ts";
import type { KTableValueGetterSupplier } from "../internals/table-supplier.ts";
import type { Windowed } from "../windows/windowed.ts";

/** Reads a windowed table's value from its window store by key and window start (Java's `KStreamWindowAggregateValueGetter`). */
export function windowStoreValueGetterSupplier<K, VA>(storeName: string): KTableValueGetterSupplier<Windowed<K>, VA> {
  return {
    storeNames: [storeName],
    get: () => {
      let store: InMemoryTimestampedWindowStore<K, VA> | undefined;
      return {
        init: (context) => {
          store = context.getStateStore<InMemoryTimestampedWindowStore<K, VA>>(storeName);
        },
        get: (windowedKey) => {
          if (!store) throw new Error(`Value getter of store ${storeName} used before init`);
          return store.fetch(windowedKey.key(), windowedKey.window().start());
        },
      };
    },
  };
}
