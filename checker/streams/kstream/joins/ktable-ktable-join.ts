import type { Processor, ProcessorContext } from "../../processor/api.ts";
import type { Change, StreamRecord } from "../../processor/record.ts";
import type { ValueAndTimestamp } from "../../state/store.ts";
import type { KTableSupplier, KTableValueGetter, KTableValueGetterSupplier } from "../internals/table-supplier.ts";
import type { KTable } from "../ktable.ts";

/**
 * One side of a KTable-KTable join, seen from the table whose updates it processes ("this") against the other
 * table's current value. Java has four classes; they differ only in which side must have a value:
 * - inner (`KTableKTableInnerJoin`): both; left (`KTableKTableLeftJoin`): this side;
 * - right (`KTableKTableRightJoin`, the right table's side of a left join): the other side; outer: neither.
 */
export type TableJoinSide = "inner" | "left" | "right" | "outer";

const THIS_REQUIRED: ReadonlySet<TableJoinSide> = new Set(["inner", "left"]);
const OTHER_REQUIRED: ReadonlySet<TableJoinSide> = new Set(["inner", "right"]);

/** `(thisValue, otherValue)`: the user's joiner, reversed on the right table's side as Java's `reverseJoiner`. */
type SideJoiner<VThis, VOther, VOut> = (thisValue: VThis | null, otherValue: VOther | null) => VOut;

/**
 * Java's `KTableKTableAbstractJoin` and subclasses. Building it asks both tables for a value getter (which materializes
 * a source table, as Java). Old values are computed only when a downstream operator asked for them.
 */
export class KTableKTableJoin<K, VThis, VOther, VOut> implements KTableSupplier<K, VOut> {
  private readonly thisGetter: KTableValueGetterSupplier<K, VThis>;
  private readonly otherGetter: KTableValueGetterSupplier<K, VOther>;
  private sendOldValues = false;

  constructor(
    private readonly side: TableJoinSide,
    private readonly thisTable: KTable<K, VThis>,
    private readonly otherTable: KTable<K, VOther>,
    private readonly joiner: SideJoiner<VThis, VOther, VOut>,
  ) {
    this.thisGetter = thisTable.valueGetterSupplier();
    this.otherGetter = otherTable.valueGetterSupplier();
  }

  get(): Processor<unknown, unknown, K, Change<VOut>> {
    return new TableJoinProcessor(this.side, this.otherGetter.get(), this.joiner, () => this.sendOldValues) as Processor<unknown, unknown, K, Change<VOut>>;
  }

  /** The joined table's value for a key, computed from both tables (used when the join result is not materialized). */
  view(): KTableValueGetterSupplier<K, VOut> {
    const { side, joiner, thisGetter, otherGetter } = this;
    return {
      storeNames: [...new Set([...thisGetter.storeNames, ...otherGetter.storeNames])],
      get: () => joinedValueGetter(side, thisGetter.get(), otherGetter.get(), joiner),
    };
  }

  /** Java: both input tables must then send old values (forcing materialization where needed). */
  enableSendingOldValues(_forceMaterialization: boolean): boolean {
    this.thisTable.enableSendingOldValues(true);
    this.otherTable.enableSendingOldValues(true);
    this.sendOldValues = true;
    return true;
  }
}

class TableJoinProcessor<K, VThis, VOther, VOut> implements Processor<K, Change<VThis>, K, Change<VOut>> {
  private context!: ProcessorContext<K, Change<VOut>>;

  constructor(
    private readonly side: TableJoinSide,
    private readonly otherGetter: KTableValueGetter<K, VOther>,
    private readonly joiner: SideJoiner<VThis, VOther, VOut>,
    private readonly sendOldValues: () => boolean,
  ) {}

  init(context: ProcessorContext<K, Change<VOut>>): void {
    this.context = context;
    this.otherGetter.init(context as ProcessorContext<unknown, unknown>);
  }

  process(record: StreamRecord<K, Change<VThis>>): void {
    // Java logs "Skipping record due to null key" and counts a dropped record.
    if (record.key === null || record.key === undefined) return;
    const { newValue, oldValue } = record.value;
    const other = this.otherGetter.get(record.key);
    const otherValue = valueOrNull(other);
    if (otherValue === null && (OTHER_REQUIRED.has(this.side) || (newValue === null && oldValue === null))) return;
    // Java's left join uses max(record, -1) and the outer join the record's own timestamp when the other side is empty.
    const timestamp = otherValue === null ? record.timestamp : Math.max(record.timestamp, other!.timestamp);
    // Inner and left joins need this side's value; right and outer joins also join a missing one (null).
    const joins = (value: VThis | null): boolean => value !== null || (!THIS_REQUIRED.has(this.side) && otherValue !== null);
    const joinedNew = joins(newValue) ? this.joiner(newValue, otherValue) : null;
    const joinedOld = this.sendOldValues() && joins(oldValue) ? this.joiner(oldValue, otherValue) : null;
    this.context.forward({ key: record.key, value: { newValue: joinedNew, oldValue: joinedOld }, timestamp, headers: record.headers });
  }

  close(): void {
    this.otherGetter.close?.();
  }
}

/** Java's `KTableKTable*JoinValueGetter`: the joined value and the larger timestamp of the sides that have a value. */
function joinedValueGetter<K, VThis, VOther, VOut>(
  side: TableJoinSide,
  thisGetter: KTableValueGetter<K, VThis>,
  otherGetter: KTableValueGetter<K, VOther>,
  joiner: SideJoiner<VThis, VOther, VOut>,
): KTableValueGetter<K, VOut> {
  return {
    init(context) {
      thisGetter.init(context);
      otherGetter.init(context);
    },
    get(key) {
      // Java reads the side that must have a value first, and the other one only if it has.
      const otherFirst = side === "right";
      const firstEntry: ValueAndTimestamp<unknown> | null = otherFirst ? otherGetter.get(key) : thisGetter.get(key);
      if (valueOrNull(firstEntry) === null && side !== "outer") return null;
      const secondEntry = otherFirst ? thisGetter.get(key) : otherGetter.get(key);
      const thisEntry = (otherFirst ? secondEntry : firstEntry) as ValueAndTimestamp<VThis> | null;
      const otherEntry = (otherFirst ? firstEntry : secondEntry) as ValueAndTimestamp<VOther> | null;
      const thisValue = valueOrNull(thisEntry);
      const otherValue = valueOrNull(otherEntry);
      if ((thisValue === null && otherValue === null) || (otherValue === null && side === "inner")) return null;
      const value = joiner(thisValue, otherValue);
      if (value === null || value === undefined) return null;
      const timestamps = [thisEntry, otherEntry].filter((entry) => entry !== null).map((entry) => entry!.timestamp);
      return { value, timestamp: Math.max(...timestamps) };
    },
    close() {
      thisGetter.close?.();
      otherGetter.close?.();
    },
  };
}

function valueOrNull<V>(entry: ValueAndTimestamp<V> | null): V | null {
  return entry === null || entry.value === undefined ? null : entry.value;
}
