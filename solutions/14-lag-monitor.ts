// Reference solution for exercise 14 — Consumer lag monitor with the Admin API.
import { Kafka } from "kafkajs";
import type { ExerciseContext } from "kafkalings/context";

export interface PartitionLag {
  partition: number;
  committed: number | null;
  end: number;
  lag: number;
}

export interface LagReport {
  partitions: PartitionLag[];
  total: number;
}

export async function consumerLag(ctx: ExerciseContext, groupId: string, topic: string): Promise<LagReport> {
  const admin = new Kafka(ctx.kafka).admin();
  await admin.connect();
  try {
    const [committedOffsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    // high: the high watermark (end); low: the log-start offset (records below it were deleted).
    const topicOffsets = await admin.fetchTopicOffsets(topic);
    const partitions = topicOffsets
      .map(({ partition, high, low }) => {
        // kafkajs reports "-1" for a partition the group has committed nothing for.
        const offset = Number(committedOffsets?.partitions.find((p) => p.partition === partition)?.offset ?? -1);
        const committed = offset >= 0 ? offset : null;
        const end = Number(high);
        return { partition, committed, end, lag: end - (committed ?? Number(low)) };
      })
      .sort((a, b) => a.partition - b.partition);
    return { partitions, total: partitions.reduce((sum, p) => sum + p.lag, 0) };
  } finally {
    await admin.disconnect();
  }
}
