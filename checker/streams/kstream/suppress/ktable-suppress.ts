import { StreamsError } from "../../errors.ts";
import type { Processor, ProcessorContext } from "../../processor/api.ts";
import type { Change, StreamRecord } from "../../processor/record.ts";
import type { KTableSupplier, KTableValueGetterSupplier } from "../internals/table-supplier.ts";
import { KTable } from "../ktable.ts";
import { findAndVerifyWindowGrace } from "../windowed/grace-periods.ts";
import type { Windowed } from "../windows/windowed.ts";
import { formatLimit } from "./buffer-config.ts";
import type { BufferedContext } from "./buffer-value.ts";
import type { Suppressed } from "./suppressed.ts";
import { suppressionBufferBuilder, type Eviction, type InMemoryTimeOrderedKeyValueChangeBuffer } from "./time-ordered-buffer.ts";

/** What the processor needs from a `Suppressed` once the topology is known (Java's `SuppressedInternal`). */
interface SuppressionSpec {
  readonly processorName: string;
  readonly storeName: string;
  /** How far behind stream time an entry's buffer time must be before it is emitted. */
  readonly suppressDurationMs: number;
  /** Buffer time: the window end (untilWindowCloses) or the record timestamp (untilTimeLimit). */
  readonly byWindowEnd: boolean;
  /** untilWindowCloses drops tombstones: a window that ended empty has nothing final to say. */
  readonly safeToDropTombstones: boolean;
  readonly maxRecords: number;
  readonly maxBytes: number;
  readonly bufferFullStrategy: "EMIT" | "SHUT_DOWN";
}

/**
 * `KTable.suppress` (Java's `KTableImpl.suppress` + `KTableSuppressProcessorSupplier`). Names: the processor is the
 * Suppressed name or `KTABLE-SUPPRESS-<n>`; its buffer store is `<name>-store` or `KTABLE-SUPPRESS-STATE-STORE-<n>`
 * (logged to a changelog unless the BufferConfig disabled it). For untilWindowCloses the grace is looked up on the
 * windowed aggregation upstream, and a table without one is a topology error.
 */
export function suppressTable<K, V>(table: KTable<K, V>, suppressed: Suppressed<K>): KTable<K, V> {
  const builder = table.builder;
  const processorName = suppressed.name ?? builder.newProcessorName("KTABLE-SUPPRESS-");
  const byWindowEnd = suppressed.kind === "windowCloses";
  const suppressDurationMs = byWindowEnd ? findAndVerifyWindowGrace(builder, table.name) : suppressed.timeToWaitForMoreEvents;
  const storeName = suppressed.name !== undefined ? `${suppressed.name}-store` : builder.newStoreName("KTABLE-SUPPRESS-");
  const { bufferConfig } = suppressed;
  const storeBuilder = suppressionBufferBuilder(storeName, table.keySerde, table.valueSerde, bufferConfig.logConfig);
  const supplier = new KTableSuppressSupplier<K, V>(
    {
      processorName,
      storeName,
      suppressDurationMs,
      byWindowEnd,
      safeToDropTombstones: byWindowEnd,
      maxRecords: bufferConfig.maxRecords,
      maxBytes: bufferConfig.maxBytes,
      bufferFullStrategy: bufferConfig.bufferFullStrategy,
    },
    table,
  );
  builder.addProcessor(processorName, () => supplier.get(), [table.name]);
  builder.addStateStore(storeBuilder, [processorName]);
  // Java 4.4.0 does this (looks like a slip, no KAFKA ticket found): the parent's node name becomes the new table's
  // source nodes, where every other operator passes its source nodes on.
  return new KTable(builder, processorName, [table.name], table.keySerde, table.valueSerde, supplier, undefined);
}

class KTableSuppressSupplier<K, V> implements KTableSupplier<K, V> {
  constructor(
    private readonly spec: SuppressionSpec,
    private readonly parent: KTable<K, V>,
  ) {
    // Emitted results carry the old value the buffer kept, so the parent must send old values.
    parent.enableSendingOldValues(true);
  }

  enableSendingOldValues(forceMaterialization: boolean): boolean {
    return this.parent.enableSendingOldValues(forceMaterialization);
  }

  /** A buffered key reads the value downstream last saw; any other key reads the parent table. */
  view(): KTableValueGetterSupplier<K, V> {
    const parentGetterSupplier = this.parent.valueGetterSupplier();
    const storeName = this.spec.storeName;
    return {
      storeNames: [storeName, ...parentGetterSupplier.storeNames],
      get: () => {
        const parentGetter = parentGetterSupplier.get();
        let buffer: InMemoryTimeOrderedKeyValueChangeBuffer<K, V>;
        return {
          init: (context) => {
            parentGetter.init(context);
            buffer = context.getStateStore<InMemoryTimeOrderedKeyValueChangeBuffer<K, V>>(storeName);
          },
          get: (key) => {
            const prior = buffer.priorValueForBuffered(key);
            return prior === undefined ? parentGetter.get(key) : prior;
          },
          close: () => parentGetter.close?.(),
        };
      },
    };
  }

  get(): Processor<K, Change<V>, K, Change<V>> {
    return new KTableSuppressProcessor<K, V>(this.spec);
  }
}

class KTableSuppressProcessor<K, V> implements Processor<K, Change<V>, K, Change<V>> {
  private context!: ProcessorContext<K, Change<V>>;
  private buffer!: InMemoryTimeOrderedKeyValueChangeBuffer<K, V>;
  private observedStreamTime = -1;

  constructor(private readonly spec: SuppressionSpec) {}

  init(context: ProcessorContext<K, Change<V>>): void {
    this.context = context;
    this.buffer = context.getStateStore<InMemoryTimeOrderedKeyValueChangeBuffer<K, V>>(this.spec.storeName);
  }

  process(record: StreamRecord<K, Change<V>>): void {
    this.observedStreamTime = Math.max(this.observedStreamTime, record.timestamp);
    const bufferTime = this.spec.byWindowEnd ? (record.key as Windowed<unknown>).window().end() : record.timestamp;
    const origin = this.context.recordOrigin;
    const bufferedContext: BufferedContext = {
      timestamp: record.timestamp,
      offset: origin?.offset ?? -1,
      topic: origin?.topic ?? "",
      partition: origin?.partition ?? -1,
      headers: record.headers,
    };
    this.buffer.put(bufferTime, record, bufferedContext);
    this.enforceConstraints();
  }

  private enforceConstraints(): void {
    const expiryTime = this.observedStreamTime - this.spec.suppressDurationMs;
    this.buffer.evictWhile(() => this.buffer.minTimestamp() <= expiryTime, (eviction) => this.emit(eviction));
    if (!this.overCapacity()) return;
    if (this.spec.bufferFullStrategy === "EMIT") {
      this.buffer.evictWhile(() => this.overCapacity(), (eviction) => this.emit(eviction));
      return;
    }
    throw new StreamsError(
      `${this.spec.processorName} buffer exceeded its max capacity. Currently [${this.buffer.numRecords()}/${formatLimit(this.spec.maxRecords)}] records and [${this.buffer.bufferSize()}/${formatLimit(this.spec.maxBytes)}] bytes.`,
    );
  }

  private overCapacity(): boolean {
    return this.buffer.numRecords() > this.spec.maxRecords || this.buffer.bufferSize() > this.spec.maxBytes;
  }

  /** The buffered update, with the timestamp and headers of the record that made it. */
  private emit(eviction: Eviction<K, V>): void {
    if (eviction.value.newValue === null && this.spec.safeToDropTombstones) return;
    this.context.forward({ key: eviction.key, value: eviction.value, timestamp: eviction.context.timestamp, headers: eviction.context.headers });
  }
}
