// kafkajs helpers for tests: quiet clients, bounded waits.
import { Kafka, logLevel, type KafkaConfig } from "kafkajs";
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

