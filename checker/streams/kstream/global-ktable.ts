import type { KTableValueGetterSupplier } from "./internals/table-supplier.ts";

/**
 * A table replicated in full to every instance (Java's `GlobalKTable` / `GlobalKTableImpl`). It has no node in the
 * processing graph: joins read it through `valueGetterSupplier()`, which reads the global store.
 */
export class GlobalKTable<K, V> {
  /** @internal */
  constructor(
    private readonly getterSupplier: KTableValueGetterSupplier<K, V>,
    readonly queryableStoreName: string | undefined,
  ) {}

  /** @internal The joins helper's KStream-GlobalKTable join reads through this. */
  valueGetterSupplier(): KTableValueGetterSupplier<K, V> {
    return this.getterSupplier;
  }
}
