import type { ProcessorSupplier } from "../processor/api.ts";
import type { Serde } from "../serdes.ts";
import type { StoreBuilder } from "../state/store.ts";

/** Picks a record's timestamp at the source (Java's `TimestampExtractor`); the default reads the Kafka timestamp. */
export type TimestampExtractor = (record: { key: unknown; value: unknown; timestamp: number }, partitionTime: number) => number;

export interface SourceNode {
  readonly kind: "source";
  readonly name: string;
  readonly topics: readonly string[];
  readonly keySerde: Serde<unknown> | undefined;
  readonly valueSerde: Serde<unknown> | undefined;
  readonly timestampExtractor: TimestampExtractor | undefined;
  readonly children: string[];
}

export interface ProcessorNode {
  readonly kind: "processor";
  readonly name: string;
  readonly supplier: ProcessorSupplier<unknown, unknown, unknown, unknown>;
  readonly parents: readonly string[];
  readonly stores: string[];
  readonly children: string[];
}

export interface SinkNode {
  readonly kind: "sink";
  readonly name: string;
  /** A topic name, or a function of the record (Java's `TopicNameExtractor`). */
  readonly topic: string | ((key: unknown, value: unknown) => string);
  readonly keySerde: Serde<unknown> | undefined;
  readonly valueSerde: Serde<unknown> | undefined;
  /** Java's `StreamPartitioner`: returns a partition, or undefined for the default (murmur2 of the key bytes). */
  readonly partitioner: ((key: unknown, value: unknown, partitions: number) => number | undefined) | undefined;
  readonly parents: readonly string[];
}

export type TopologyNode = SourceNode | ProcessorNode | SinkNode;

/** A topic the application owns; its real name is `<application.id>-<name>`. */
export interface InternalTopic {
  readonly name: string;
  readonly kind: "repartition";
  /** Fixed by `Repartitioned.withNumberOfPartitions`; otherwise the upstream sources' partition count. */
  readonly partitions: number | undefined;
}

/** A GlobalKTable: every instance reads all partitions of `topic` into `store` before processing starts. */
export interface GlobalStore {
  readonly topic: string;
  readonly sourceName: string;
  readonly processorName: string;
  readonly store: StoreBuilder;
  readonly keySerde: Serde<unknown> | undefined;
  readonly valueSerde: Serde<unknown> | undefined;
  readonly supplier: ProcessorSupplier<unknown, unknown, unknown, unknown>;
}
