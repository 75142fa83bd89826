// What one proof run owns on the cluster: clients, and topics and groups named for the run, all removed afterwards.
import { randomBytes } from "node:crypto";
import { Kafka, logLevel, type Admin, type Consumer, type ConsumerConfig, type Producer, type ProducerConfig } from "kafkajs";
import { createTopic } from "../../../cluster/admin.ts";
import { pollUntil } from "../../../cluster/wait.ts";
import type { KafkaCluster } from "../../../cluster/kafka-cluster.ts";

export interface TopicSpec {
  /** Replication factor 3 on as many partitions (default 1). */
  partitions?: number;
  /** Replicas of a one-partition topic instead, preferred leader first. */
  replicas?: number[];
  configs?: Record<string, string>;
}

export class ProofScratch {
  readonly kafka: Kafka;
  readonly admin: Admin;
  private readonly runId = randomBytes(3).toString("hex");
  private readonly topics: string[] = [];
  private readonly groups: string[] = [];
  private readonly clients: Array<Producer | Consumer> = [];
  private readonly deferred: Array<() => Promise<unknown>> = [];

  constructor(
    readonly cluster: KafkaCluster,
    private readonly proofId: string,
  ) {
    // Retries let every client ride out a stopped broker, including the first bootstrap server.
    const retry = { retries: 8, initialRetryTime: 100, maxRetryTime: 1000 };
    this.kafka = new Kafka({ connectionTimeout: 3000, ...cluster.clientConfig(`kafkalings-proof-${proofId}`), retry, logLevel: logLevel.NOTHING });
    this.admin = this.kafka.admin();
  }

  /** A name unique to this run, e.g. proof-message-too-large-3fa2c1 or proof-…-reader-3fa2c1. */
  name(label?: string): string {
    return ["proof", this.proofId, label, this.runId].filter(Boolean).join("-");
  }

  async topic(spec: TopicSpec = {}): Promise<string> {
    const topic = this.name();
    const configEntries = Object.entries(spec.configs ?? {}).map(([name, value]) => ({ name, value }));
    const placement = spec.replicas
      ? { replicaAssignment: [{ partition: 0, replicas: spec.replicas }] }
      : { numPartitions: spec.partitions ?? 1, replicationFactor: 3 };
    this.topics.push(topic);
    await createTopic(this.admin, { topic, configEntries, ...placement });
    return topic;
  }

  /** The name of a topic that something other than the proof creates (e.g. auto-creation); deleted afterwards too. */
  topicName(label: string): string {
    const topic = this.name(label);
    this.topics.push(topic);
    return topic;
  }

  /** Changes topic configs (incrementally: only the ones given). */
  async setTopicConfigs(topic: string, configs: Record<string, string>): Promise<void> {
    const configEntries = Object.entries(configs).map(([name, value]) => ({ name, value }));
    // type 2 is ConfigResourceTypes.TOPIC, which kafkajs does not export to ES modules.
    await this.admin.alterConfigs({ validateOnly: false, resources: [{ type: 2, name: topic, configEntries }] });
  }

  /** A group id for this run; the group is deleted afterwards. */
  group(label: string): string {
    const groupId = this.name(label);
    if (!this.groups.includes(groupId)) this.groups.push(groupId);
    return groupId;
  }

  async producer(config: ProducerConfig = {}): Promise<Producer> {
    const producer = this.kafka.producer(config);
    this.clients.push(producer);
    await producer.connect();
    return producer;
  }

  /** A consumer tuned for short demonstrations: fetches return within 100 ms and rebalances are noticed within 500 ms. */
  async consumer(groupLabel: string, config: Partial<ConsumerConfig> = {}): Promise<Consumer> {
    const consumer = this.kafka.consumer({ maxWaitTimeInMs: 100, heartbeatInterval: 500, ...config, groupId: this.group(groupLabel) });
    this.clients.push(consumer);
    await consumer.connect();
    return consumer;
  }

  /** Something else to undo at the end (e.g. a child process), before the clients disconnect. */
  defer(undo: () => Promise<unknown>): void {
    this.deferred.push(undo);
  }

  async cleanup(): Promise<void> {
    await Promise.allSettled(this.deferred.map((undo) => undo()));
    await Promise.allSettled(this.clients.map((client) => client.disconnect()));
    // One call per group: kafkajs fails the whole call when any group is missing (never joined).
    await Promise.allSettled(this.groups.map((groupId) => this.admin.deleteGroups([groupId])));
    await deleteTopicsOf(this.admin, this.topics).catch(() => undefined);
    await this.admin.disconnect();
  }
}

/** Deletes the run's topics that exist (kafkajs retries a missing one for seconds) and waits until they are gone. */
async function deleteTopicsOf(admin: Admin, names: string[]): Promise<void> {
  const existing = (await admin.listTopics()).filter((topic) => names.includes(topic));
  if (existing.length === 0) return;
  await admin.deleteTopics({ topics: existing });
  await pollUntil(async () => !(await admin.listTopics()).some((topic) => existing.includes(topic)), { timeoutMs: 15_000, description: `topics ${existing.join(", ")} to be deleted` });
}

/** Runs a proof's steps with its own scratch space and cleans it up afterwards, whatever happens. */
export async function withScratch<T>(cluster: KafkaCluster, proofId: string, steps: (scratch: ProofScratch) => Promise<T>): Promise<T> {
  const scratch = new ProofScratch(cluster, proofId);
  await scratch.admin.connect();
  try {
    return await steps(scratch);
  } finally {
    await scratch.cleanup();
  }
}
