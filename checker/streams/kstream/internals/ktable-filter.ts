import type { Processor } from "../../processor/api.ts";
import type { Change } from "../../processor/record.ts";
import type { ValueAndTimestamp } from "../../state/store.ts";
import { storeValueGetterSupplier } from "./store-value-getter.ts";
import type { KTableSupplier, KTableValueGetterSupplier, ParentTable } from "./table-supplier.ts";
import { tableTransformProcessor } from "./table-transform-processor.ts";

/**
 * `KTable.filter` / `filterNot` (Java's `KTableFilter`): a value that does not pass becomes a tombstone (the key leaves
 * the filtered table). When old values are known and both old and new are filtered out, nothing is forwarded. The
 * predicate never sees a null value. With a user store name the result is materialized in its own store.
 */
export class KTableFilter<K, V> implements KTableSupplier<K, V> {
  private sendOldValues: boolean;

  constructor(
    private readonly parent: ParentTable<K, V>,
    private readonly predicate: (key: K, value: V) => boolean,
    private readonly filterNot: boolean,
    private readonly queryableName: string | undefined,
  ) {
    // If the parent is already materialized, old values come for free and spare downstream needless tombstones.
    this.sendOldValues = parent.enableSendingOldValues(false);
  }

  enableSendingOldValues(forceMaterialization: boolean): boolean {
    if (this.queryableName !== undefined) {
      this.sendOldValues = true;
      return true;
    }
    if (this.parent.enableSendingOldValues(forceMaterialization)) this.sendOldValues = true;
    return this.sendOldValues;
  }

  view(): KTableValueGetterSupplier<K, V> {
    if (this.queryableName !== undefined) return storeValueGetterSupplier(this.queryableName);
    const parentSupplier = this.parent.valueGetterSupplier();
    return {
      storeNames: parentSupplier.storeNames,
      get: () => {
        const parentGetter = parentSupplier.get();
        return {
          init: (context) => parentGetter.init(context),
          get: (key) => this.passing(key, parentGetter.get(key)),
          close: () => parentGetter.close?.(),
        };
      },
    };
  }

  get(): Processor<K, Change<V>, K, Change<V>> {
    return tableTransformProcessor<K, V, V>({
      queryableName: this.queryableName,
      sendOldValues: this.sendOldValues,
      transform: (key, value) => this.passingValue(key, value),
      dropWhenBothNull: true,
    });
  }

  private passingValue(key: K, value: V | null): V | null {
    return value !== null && this.filterNot !== this.predicate(key, value) ? value : null;
  }

  private passing(key: K, valueAndTimestamp: ValueAndTimestamp<V> | null): ValueAndTimestamp<V> | null {
    return valueAndTimestamp !== null && this.filterNot !== this.predicate(key, valueAndTimestamp.value) ? valueAndTimestamp : null;
  }
}
