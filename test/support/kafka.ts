// kafkajs helpers for tests: quiet clients, bounded waits.
import { Kafka, logLevel, type Admin, type ITopicConfig, type KafkaConfig } from "kafkajs";
import { pollUntil } from "../../checker/cluster/wait.ts";

export function kafka(config: KafkaConfig): Kafka {
  return new Kafka({ ...config, logLevel: logLevel.NOTHING, retry: { retries: 12, initialRetryTime: 200, maxRetryTime: 3000 } });
}

export interface ConsumedRecord {
  partition: number;
  offset: string;
  key: string | undefined;
  value: string;
}

/** Reads a topic from the beginning until `expected` records arrived (or the deadline passed). */
export async function consumeAll(client: Kafka, topic: string, expected: number, timeoutMs = 60_000): Promise<ConsumedRecord[]> {
  const consumer = client.consumer({ groupId: `test-${topic}-${Date.now()}` });
  const records: ConsumedRecord[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        records.push({ partition, offset: message.offset, key: message.key?.toString(), value: message.value?.toString() ?? "" });
      },
    });
    await pollUntil(() => records.length >= expected, { timeoutMs, description: `${expected} records on ${topic} (have ${records.length})` }).catch(() => undefined);
    return records;
  } finally {
    await consumer.disconnect();
  }
}

/**
 * Creates a topic and waits until every partition has a leader. kafkajs's own `waitForLeaders` gives up when a
 * KRaft broker has not yet applied the new metadata (UNKNOWN_TOPIC_OR_PARTITION), so we poll instead.
 */
export async function createTopic(admin: Admin, topic: ITopicConfig): Promise<void> {
  await admin.createTopics({ topics: [topic], waitForLeaders: false });
  await pollUntil(
    async () => {
      const [metadata] = (await admin.fetchTopicMetadata({ topics: [topic.topic] })).topics;
      return metadata !== undefined && metadata.partitions.length === topic.numPartitions && metadata.partitions.every((p) => p.leader >= 0);
    },
    { timeoutMs: 30_000, description: `leaders for every partition of ${topic.topic}` },
  );
}
