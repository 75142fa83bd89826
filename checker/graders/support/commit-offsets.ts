// Commits offsets for a group, quickly: kafkajs's admin.setOffsets joins the group with a consumer that waits out
// a full default fetch (maxWaitTimeInMs 5000) before it leaves, which costs 5 s per call.
import type { Kafka, SeekEntry } from "kafkajs";
import { pollUntil } from "../../cluster/wait.ts";

export async function commitOffsets(kafka: Kafka, groupId: string, topic: string, partitions: SeekEntry[]): Promise<void> {
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  let joined = false;
  consumer.on(consumer.events.GROUP_JOIN, () => void (joined = true));
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    // Nothing is committed but what we ask for: no auto-commit, and records fetched meanwhile are ignored.
    await consumer.run({ autoCommit: false, eachMessage: async () => {} });
    await pollUntil(() => joined, { timeoutMs: 10_000, intervalMs: 10, description: `the group ${groupId} to form` });
    await consumer.commitOffsets(partitions.map((p) => ({ topic, ...p })));
  } finally {
    await consumer.disconnect();
  }
}
