// Short-lived kafkajs admin connections for looking at a cluster's membership.
import { Kafka, logLevel, type Admin, type ITopicConfig, type ITopicMetadata, type KafkaConfig } from "kafkajs";
import { pollUntil } from "./wait.ts";

export async function withAdmin<T>(config: KafkaConfig, action: (admin: Admin) => Promise<T>): Promise<T> {
  // kafkajs always connects to the first bootstrap server first and moves to the next only on a retry, so
  // without one retry per other broker every query fails while broker 1 is down.
  const brokers = Array.isArray(config.brokers) ? config.brokers.length : 1;
  const retry = { retries: Math.max(1, brokers - 1), initialRetryTime: 50, maxRetryTime: 200 };
  const admin = new Kafka({ connectionTimeout: 2000, requestTimeout: 5000, retry, logLevel: logLevel.NOTHING, ...config }).admin();
  await admin.connect();
  try {
    return await action(admin);
  } finally {
    await admin.disconnect();
  }
}

export interface Membership {
  brokerIds: number[];
  controller: number | null;
}

export function describeMembership(config: KafkaConfig): Promise<Membership> {
  return withAdmin(config, async (admin) => {
    const description = await admin.describeCluster();
    return { brokerIds: description.brokers.map((b) => b.nodeId).sort(), controller: description.controller };
  });
}

/**
 * Makes the brokers create __consumer_offsets now, while all three are up: it is created on the first
 * group lookup with replication factor 3, which fails for as long as any broker is down.
 */
export function createOffsetsTopic(config: KafkaConfig): Promise<unknown> {
  // kafkajs needs retries here: its first coordinator lookup on a new connection finds an empty broker pool.
  return withAdmin({ ...config, retry: { retries: 8, initialRetryTime: 100, maxRetryTime: 1000 } }, (admin) => admin.describeGroups(["kafkalings-warm-up"]));
}

/**
 * Creates a topic and waits until every partition has a leader, and returns its metadata. kafkajs's own
 * `waitForLeaders` gives up when a KRaft broker has not yet applied the new metadata
 * (UNKNOWN_TOPIC_OR_PARTITION), so we poll instead — until three answers in a row agree, since kafkajs asks a
 * random broker each time and the next request must not meet one that is still behind.
 */
export async function createTopic(admin: Admin, topic: ITopicConfig): Promise<ITopicMetadata> {
  await admin.createTopics({ topics: [topic], waitForLeaders: false });
  // A topic created with an explicit replica assignment has one partition per assignment entry.
  const partitions = topic.numPartitions ?? topic.replicaAssignment?.length;
  let confirmations = 0;
  return pollUntil(
    async () => {
      const [metadata] = await admin.fetchTopicMetadata({ topics: [topic.topic] }).then(
        (answer) => answer.topics,
        () => [],
      );
      const ready = metadata !== undefined && metadata.partitions.length === partitions && metadata.partitions.every((p) => p.leader >= 0);
      confirmations = ready ? confirmations + 1 : 0;
      return confirmations >= 3 ? metadata : undefined;
    },
    { timeoutMs: 30_000, intervalMs: 20, description: `leaders for every partition of ${topic.topic}` },
  );
}
