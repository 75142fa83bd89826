// Exercise 14 — Consumer lag monitor with the Admin API.   Check it: npm run exercise 14
import { Kafka } from "kafkajs";
import type { ExerciseContext } from "kafkalings/context";

export interface PartitionLag {
  partition: number;
  /** The group's committed offset (the next offset it will read), or null where the group has committed nothing. */
  committed: number | null;
  /** The partition's end offset, its high watermark: the offset the next record written will get. */
  end: number;
  /** How many records of this partition the group has not read yet. */
  lag: number;
}

export interface LagReport {
  /** One row per partition of the topic, in partition order. */
  partitions: PartitionLag[];
  /** The lag of the whole topic: the sum over every partition. */
  total: number;
}

/**
 * Report how far the consumer group `groupId` is behind on `topic`, with the Admin API only (a consumer would
 * join the group and set off a rebalance just to look):
 *   - committed: the group's committed offset for each partition, or null where it has none;
 *   - end: each partition's high watermark;
 *   - lag: end − committed. Where the group has no committed offset, count every record still in the partition
 *     as unread: lag = end − the partition's log-start offset (the oldest offset still kept; it is not always 0,
 *     since retention or deleted records move it up). `kafka-consumer-groups --describe` has no number there:
 *     it prints "-" while a member owns the partition, and leaves the partition out when the group is empty;
 *   - total: the sum of every partition's lag.
 */
export async function consumerLag(ctx: ExerciseContext, groupId: string, topic: string): Promise<LagReport> {
  const admin = new Kafka(ctx.kafka).admin();
  await admin.connect();
  try {
    // TODO: the group's committed offsets come from admin.fetchOffsets, each partition's offsets from admin.fetchTopicOffsets
    return { partitions: [], total: 0 };
  } finally {
    await admin.disconnect();
  }
}
