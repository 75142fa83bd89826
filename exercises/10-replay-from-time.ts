// Exercise 10 — Replay from a point in time: seek by timestamp.   Check it: npm run exercise 10
import { Kafka } from "kafkajs";
import type { ExerciseContext } from "kafkalings/context";

export interface ReplayedRecord {
  partition: number;
  offset: string;
  /** The record's timestamp in milliseconds since the epoch (a string, as kafkajs gives it). */
  timestamp: string;
  value: string;
}

/**
 * The topic `ctx.topic("page-views")` (3 partitions) holds page views written over several hours; each record's
 * timestamp is the time of the view (CreateTime, set by the producer). Replay every view at or after `sinceMs`,
 * from every partition, as the consumer group `ctx.groupId("replay")`, and return them:
 *   1. for each partition, find the offset of the first record whose timestamp is >= sinceMs (a partition
 *      with no such record answers with its end offset: nothing to replay there);
 *   2. make the group's consumer start at those offsets — not at the beginning of the log, nor at its end;
 *   3. read up to the end offsets noted below, then disconnect and return what you read.
 * Each partition's records were written in time order, so "from that offset on" is exactly "at or after sinceMs".
 */
export async function replayFrom(ctx: ExerciseContext, sinceMs: number): Promise<ReplayedRecord[]> {
  const kafka = new Kafka(ctx.kafka);
  const topic = ctx.topic("page-views");
  const admin = kafka.admin();
  await admin.connect();
  let ends: { partition: number; high: string }[];
  let starts: { partition: number; offset: string }[];
  try {
    // Where each partition ends now: the replay stops there.
    ends = await admin.fetchTopicOffsets(topic);
    // TODO: for each partition, the offset of the first record with a timestamp >= sinceMs
    starts = [];
  } finally {
    await admin.disconnect();
  }

  // The number of records between the starts and the ends: once that many arrived, the replay is complete.
  const expected = starts.reduce((sum, { partition, offset }) => sum + Number(ends.find((e) => e.partition === partition)?.high ?? offset) - Number(offset), 0);
  const records: ReplayedRecord[] = [];
  if (expected === 0) return records;
  const consumer = kafka.consumer({ groupId: ctx.groupId("replay"), maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    // TODO: subscribe and run the consumer, pushing each record into `records`; start each partition at its
    //       offset in `starts`; return once `expected` records arrived
  } finally {
    await consumer.disconnect();
  }
  return records;
}
