import type { RecordOrigin, StreamRecord } from "./record.ts";
import type { StateStore } from "../state/store.ts";

/**
 * A node's behaviour, as in Java's Processor API v2: `process` is called once per record, synchronously, and
 * forwards zero or more records to the node's children through the context.
 */
export interface Processor<KIn, VIn, KOut = KIn, VOut = VIn> {
  init?(context: ProcessorContext<KOut, VOut>): void;
  process(record: StreamRecord<KIn, VIn>): void;
  close?(): void;
}

/** A fresh processor per task: processors keep per-task state (stream time, store handles). */
export type ProcessorSupplier<KIn, VIn, KOut = KIn, VOut = VIn> = () => Processor<KIn, VIn, KOut, VOut>;

export interface ProcessorContext<KOut, VOut> {
  readonly applicationId: string;
  /** `<subtopology>_<partition>` in Java; here `0_<partition>` (one task per partition runs the whole topology). */
  readonly taskId: string;
  /** Origin of the input record currently being processed; undefined while punctuating. */
  readonly recordOrigin: RecordOrigin | undefined;
  /**
   * Sends a record to every child (in the order the children were added: depth first), or only to the named
   * child. Children run before `forward` returns, exactly as in Java.
   */
  forward<K extends KOut, V extends VOut>(record: StreamRecord<K, V>, childName?: string): void;
  /** A store this processor was connected to when the topology was built. */
  getStateStore<S extends StateStore>(name: string): S;
}
