// Shared by the runtime's real-cluster tests: one cluster per test file, topics, producing inputs with timestamps,
// reading outputs, waiting until an application has committed everything, and the same inputs through the driver.
import { Kafka, logLevel, Partitioners, type Admin } from "kafkajs";
import { createTopic } from "../../checker/cluster/admin.ts";
import type { KafkaCluster } from "../../checker/cluster/kafka-cluster.ts";
import { ensureCluster } from "../../checker/cluster/provider.ts";
import { pollUntil } from "../../checker/cluster/wait.ts";
import { Serdes, TopologyTestDriver, type Serde, type StreamsConfig, type Topology } from "../../checker/streams/index.ts";
import { KafkaStreams } from "../../checker/streams/runtime/kafka-streams.ts";
import { isolatedStateDir } from "../support/paths.ts";

/**
 * Input timestamps are offsets from here: a recent minute. A record older than the topic's retention (7 days by
 * default) is deleted as soon as the broker checks, so timestamps like 1000 would make records vanish mid-test.
 */
export const RECENT = Math.floor(Date.now() / 60_000) * 60_000;

export interface Input {
  readonly topic: string;
  readonly key: string | null;
  readonly value: string | null;
  readonly timestamp: number;
}

export interface Output<V = string> {
  readonly key: string | null;
  readonly value: V | null;
  readonly timestamp: number;
}

export async function startCluster(label: string): Promise<KafkaCluster> {
  process.env.KAFKALINGS_STATE_DIR = isolatedStateDir(label);
  const { cluster } = await ensureCluster({ provider: "local", mode: "zookeeper" });
  return cluster;
}

export function clientFor(cluster: KafkaCluster): Kafka {
  return new Kafka({ ...cluster.clientConfig("runtime-test"), logLevel: logLevel.NOTHING });
}

export async function withAdmin<T>(kafka: Kafka, action: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await action(admin);
  } finally {
    await admin.disconnect();
  }
}

export async function createTopics(kafka: Kafka, topics: Record<string, number>): Promise<void> {
  await withAdmin(kafka, async (admin) => {
    for (const [topic, numPartitions] of Object.entries(topics)) await createTopic(admin, { topic, numPartitions, replicationFactor: 1 });
  });
}

/** Writes the inputs in order, keys partitioned like Java (murmur2), with their timestamps. */
export async function produce(kafka: Kafka, inputs: readonly Input[]): Promise<void> {
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    for (const { topic, key, value, timestamp } of inputs) await producer.send({ topic, acks: -1, messages: [{ key, value, timestamp: String(timestamp) }] });
  } finally {
    await producer.disconnect();
  }
}

/** Every committed record of `topic`, read from the beginning until `done` holds (or the deadline passes). */
export async function readTopic<V = string>(
  kafka: Kafka,
  topic: string,
  done: (records: Output<V>[]) => boolean,
  valueSerde: Serde<V> = Serdes.String() as unknown as Serde<V>,
  timeoutMs = 60_000,
): Promise<Output<V>[]> {
  const records: Array<Output<V> & { partition: number; offset: number }> = [];
  const consumer = kafka.consumer({ groupId: `reader-${topic}-${Date.now()}`, maxWaitTimeInMs: 200 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        records.push({
          partition,
          offset: Number(message.offset),
          key: message.key?.toString() ?? null,
          value: valueSerde.deserialize(topic, message.value ?? null),
          timestamp: Number(message.timestamp),
        });
      },
    });
    await pollUntil(() => done(records), { timeoutMs, description: `the expected records on ${topic} (have ${records.length})` });
    return records.map(({ key, value, timestamp }) => ({ key, value, timestamp }));
  } finally {
    await consumer.disconnect();
  }
}

/** Waits until the group has committed every record of `topics` (the application processed all it was given). */
export async function waitUntilCommitted(kafka: Kafka, groupId: string, topics: readonly string[], timeoutMs = 60_000): Promise<void> {
  await withAdmin(kafka, (admin) =>
    pollUntil(
      async () => {
        for (const topic of topics) {
          const ends = await admin.fetchTopicOffsets(topic);
          const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
          for (const { partition, high } of ends) {
            const offset = committed?.partitions.find((entry) => entry.partition === partition)?.offset ?? "-1";
            if (Number(high) > 0 && Number(offset) < Number(high)) return false;
          }
        }
        return true;
      },
      { timeoutMs, intervalMs: 50, description: `group ${groupId} to commit every record of ${topics.join(", ")}` },
    ),
  );
}

export async function waitForState(streams: KafkaStreams, state: ReturnType<KafkaStreams["state"]>, timeoutMs = 60_000): Promise<void> {
  await pollUntil(() => streams.state() === state, { timeoutMs, intervalMs: 20, description: `state ${state} (is ${streams.state()})` });
}

/**
 * Runs the topology on the cluster, feeding the inputs one at a time and waiting for each to be committed before
 * the next, so the order across topics and partitions is the order given — what the test driver does.
 */
export async function runStepwise(kafka: Kafka, topology: Topology, config: StreamsConfig, inputs: readonly Input[]): Promise<KafkaStreams> {
  const streams = new KafkaStreams(topology, { "commit.interval.ms": 50, ...config });
  await streams.start();
  await waitForState(streams, "RUNNING");
  const topics = [...new Set(inputs.map((input) => input.topic))];
  for (const input of inputs) {
    await produce(kafka, [input]);
    await waitUntilCommitted(kafka, config["application.id"]!, topics);
  }
  return streams;
}

/** The same inputs through the TypeScript TopologyTestDriver; what `topic` received. */
export function driverOutput<V = string>(topology: Topology, config: StreamsConfig, inputs: readonly Input[], topic: string, valueSerde: Serde<V> = Serdes.String() as unknown as Serde<V>): Output<V>[] {
  const driver = new TopologyTestDriver(topology, config);
  try {
    for (const { topic: inputTopic, key, value, timestamp } of inputs) driver.createInputTopic(inputTopic, Serdes.String(), Serdes.String()).pipeInput(key, value, timestamp);
    return driver
      .createOutputTopic(topic, Serdes.String(), valueSerde)
      .readRecordsToList()
      .map((record) => ({ key: record.key, value: record.value, timestamp: record.timestamp ?? -1 }));
  } finally {
    driver.close();
  }
}

/**
 * Records per key, in order. A key's records share a partition, so their order is the same on a cluster with
 * several partitions and in the single-partition driver; only the interleaving of different keys differs.
 */
export function byKey<V>(records: readonly Output<V>[]): Map<string | null, Output<V>[]> {
  const keys = new Map<string | null, Output<V>[]>();
  for (const record of records) keys.set(record.key, [...(keys.get(record.key) ?? []), record]);
  return new Map([...keys].sort(([a], [b]) => String(a).localeCompare(String(b))));
}
