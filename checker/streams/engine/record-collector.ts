import type { RecordHeaders } from "../processor/record.ts";

/** A serialized record a task sends: sink output, repartition records and changelog records alike. */
export interface ProducedRecord {
  readonly topic: string;
  /** Set by a sink's partitioner or for changelogs (the task's partition); undefined = the producer's default partitioner. */
  readonly partition: number | undefined;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly timestamp: number;
  readonly headers: RecordHeaders;
}

/**
 * Where a task's output goes (Java's RecordCollector): the test driver captures it in memory, the runtime produces
 * it with kafkajs. `send` is called synchronously, in the order records leave the topology.
 */
export interface RecordCollector {
  send(record: ProducedRecord): void;
  /** Number of partitions of `topic`, asked only for sinks that have a custom partitioner (the test driver: 1). */
  partitionsFor(topic: string): number;
}
