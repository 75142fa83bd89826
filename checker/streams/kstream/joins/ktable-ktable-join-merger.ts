import type { Processor, ProcessorContext } from "../../processor/api.ts";
import type { Change, StreamRecord } from "../../processor/record.ts";
import { ValueAndTimestamps, type TimestampedKeyValueStore } from "../../state/timestamped-key-value-store.ts";
import { storeValueGetterSupplier } from "../internals/store-value-getter.ts";
import type { KTableSupplier, KTableValueGetterSupplier } from "../internals/table-supplier.ts";
import { TimestampedTupleForwarder } from "../internals/timestamped-tuple-forwarder.ts";
import type { KTableKTableJoin } from "./ktable-ktable-join.ts";

/**
 * The node both sides of a KTable-KTable join forward into, and the node the joined table is (Java's
 * `KTableKTableJoinMerger`). With a Materialized it writes the result to its store (a null result deletes) and
 * forwards through the record cache like any materialized table; without one it passes updates on, dropping old
 * values unless a downstream operator asked for them.
 */
export class KTableKTableJoinMerger<K, V> implements KTableSupplier<K, V> {
  private sendOldValues = false;

  constructor(
    private readonly thisSide: KTableKTableJoin<K, unknown, unknown, V>,
    private readonly otherSide: KTableKTableJoin<K, unknown, unknown, V>,
    /** The result store when the join was given a Materialized (even without a name, as in Java). */
    private readonly storeName: string | undefined,
  ) {}

  get(): Processor<unknown, unknown, K, Change<V>> {
    const { storeName } = this;
    const sendOldValues = this.sendOldValues;
    let context: ProcessorContext<K, Change<V>>;
    let store: TimestampedKeyValueStore<K, V> | undefined;
    let forwarder: TimestampedTupleForwarder<K, V> | undefined;
    const processor: Processor<K, Change<V>, K, Change<V>> = {
      init: (processorContext) => {
        context = processorContext;
        if (storeName === undefined) return;
        store = context.getStateStore<TimestampedKeyValueStore<K, V>>(storeName);
        forwarder = new TimestampedTupleForwarder(store, context, sendOldValues);
      },
      process: (record: StreamRecord<K, Change<V>>) => {
        if (store && forwarder) {
          store.put(record.key, ValueAndTimestamps.make(record.value.newValue, record.timestamp));
          forwarder.maybeForward(record);
        } else if (sendOldValues) {
          context.forward(record);
        } else {
          context.forward({ ...record, value: { newValue: record.value.newValue, oldValue: null } });
        }
      },
    };
    return processor as Processor<unknown, unknown, K, Change<V>>;
  }

  /** The result store when materialized; otherwise the join computed on the fly from both tables (this side's view). */
  view(): KTableValueGetterSupplier<K, V> {
    if (this.storeName !== undefined) return storeValueGetterSupplier(this.storeName);
    const thisView = this.thisSide.view();
    return {
      storeNames: [...new Set([...thisView.storeNames, ...this.otherSide.view().storeNames])],
      get: () => thisView.get(),
    };
  }

  enableSendingOldValues(_forceMaterialization: boolean): boolean {
    this.thisSide.enableSendingOldValues(true);
    this.otherSide.enableSendingOldValues(true);
    this.sendOldValues = true;
    return true;
  }
}
