// The input and output topics of a Streams exercise on the cluster.
import { createTopic } from "../../../cluster/admin.ts";
import type { GradeContext } from "../../../runner/grade.ts";

/**
 * Creates the topics (short name → partitions). The exercises' records are timestamped minutes after the epoch,
 * in January 1970, so that windows and stream time are easy to read: time-based retention is turned off, or the
 * brokers would delete them within seconds.
 */
export async function createStreamsTopics(t: GradeContext, topics: Record<string, number>): Promise<void> {
  for (const [name, numPartitions] of Object.entries(topics)) {
    await createTopic(t.admin, { topic: t.topic(name), numPartitions, replicationFactor: 3, configEntries: [{ name: "retention.ms", value: "-1" }] });
  }
}
