import type { Processor } from "../../processor/api.ts";
import type { Change } from "../../processor/record.ts";
import { ValueAndTimestamps } from "../../state/timestamped-key-value-store.ts";
import { storeValueGetterSupplier } from "./store-value-getter.ts";
import type { KTableSupplier, KTableValueGetterSupplier, ParentTable } from "./table-supplier.ts";
import { tableTransformProcessor } from "./table-transform-processor.ts";

/**
 * `KTable.mapValues` (Java's `KTableMapValues`): maps new and (when requested) old values; a null value stays null
 * without calling the mapper. With a user store name the result is materialized in its own store.
 */
export class KTableMapValues<K, V, V2> implements KTableSupplier<K, V2> {
  private sendOldValues = false;

  constructor(
    private readonly parent: ParentTable<K, V>,
    private readonly mapper: (value: V, key: K) => V2,
    private readonly queryableName: string | undefined,
  ) {}

  enableSendingOldValues(forceMaterialization: boolean): boolean {
    if (this.queryableName !== undefined) {
      this.sendOldValues = true;
      return true;
    }
    if (this.parent.enableSendingOldValues(forceMaterialization)) this.sendOldValues = true;
    return this.sendOldValues;
  }

  view(): KTableValueGetterSupplier<K, V2> {
    if (this.queryableName !== undefined) return storeValueGetterSupplier(this.queryableName);
    const parentSupplier = this.parent.valueGetterSupplier();
    return {
      storeNames: parentSupplier.storeNames,
      get: () => {
        const parentGetter = parentSupplier.get();
        return {
          init: (context) => parentGetter.init(context),
          // Java: ValueAndTimestamp.make(mapper(value), ts), so a mapper returning null reads as "absent".
          get: (key) => {
            const found = parentGetter.get(key);
            return found === null ? null : ValueAndTimestamps.make(this.mapper(found.value, key), found.timestamp);
          },
          close: () => parentGetter.close?.(),
        };
      },
    };
  }

  get(): Processor<K, Change<V>, K, Change<V2>> {
    return tableTransformProcessor<K, V, V2>({
      queryableName: this.queryableName,
      sendOldValues: this.sendOldValues,
      transform: (key, value) => this.mapped(key, value),
      dropWhenBothNull: false,
    });
  }

  private mapped(key: K, value: V | null): V2 | null {
    return value === null ? null : this.mapper(value, key);
  }
}
