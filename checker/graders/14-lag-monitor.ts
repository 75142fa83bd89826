// Grader for exercise 14: partitions with different amounts of records, a group committed at known offsets on
// two of them and not at all on the third (whose oldest records were deleted); the learner's lag report must
// match what the Admin API says.
import { createTopic } from "../cluster/admin.ts";
import type { GradeContext } from "../runner/grade.ts";
import { commitOffsets } from "./support/commit-offsets.ts";
import { produce } from "./support/produce.ts";

interface PartitionLag {
  partition: number;
  committed: number | null;
  end: number;
  lag: number;
}

// Partition 2 has no committed offset and a log-start offset above 0, so "lag from offset 0" shows.
const LAYOUT = [
  { partition: 0, records: 10, committed: 4 },
  { partition: 1, records: 7, committed: 7 },
  { partition: 2, records: 12, deletedBefore: 5 },
];

export default async function grade(t: GradeContext): Promise<void> {
  const topic = t.topic("shipments");
  const groupId = t.groupId("shipment-trackers");
  await createTopic(t.admin, { topic, numPartitions: LAYOUT.length, replicationFactor: 3 });
  await produce(
    t.kafka,
    topic,
    LAYOUT.flatMap(({ partition, records }) => Array.from({ length: records }, (_, i) => ({ partition, value: `shipment ${partition}-${i}` }))),
  );
  for (const { partition, deletedBefore } of LAYOUT) {
    if (deletedBefore) await t.admin.deleteTopicRecords({ topic, partitions: [{ partition, offset: String(deletedBefore) }] });
  }
  const commits = LAYOUT.filter((p) => p.committed !== undefined).map(({ partition, committed }) => ({ partition, offset: String(committed) }));
  await commitOffsets(t.kafka, groupId, topic, commits);

  const expected = await lagAsTheAdminApiSeesIt(t, groupId, topic);
  const report = await t.learner<{ partitions?: PartitionLag[]; total?: number } | undefined>("consumerLag", groupId, topic);
  const rows = [...(report?.partitions ?? [])].sort((a, b) => a.partition - b.partition);

  if (!t.expectEqual("there is one row per partition of the topic", expected.map((p) => p.partition), rows.map((p) => p.partition))) return;
  t.expectEqual("end is each partition's high watermark (the offset the next record will get)", expected.map((p) => p.end), rows.map((p) => p.end));
  t.expectEqual("committed is the group's committed offset, or null where the group has none", expected.map((p) => p.committed), rows.map((p) => p.committed));
  const withCommit = (row: PartitionLag) => row.committed !== null;
  const lagOf = (list: PartitionLag[], keep: (row: PartitionLag) => boolean) => Object.fromEntries(list.filter(keep).map((p) => [`partition ${p.partition}`, p.lag]));
  t.expectEqual("lag is end − committed on the partitions the group has committed", lagOf(expected, withCommit), lagOf(rows, (row) => withCommit(expected[row.partition]!)));
  t.expectEqual(
    "with no committed offset, lag is end − log-start offset (every record still in the partition is unread)",
    lagOf(expected, (row) => !withCommit(row)),
    lagOf(rows, (row) => !withCommit(expected[row.partition]!)),
  );
  t.expectEqual("total is the sum of every partition's lag", expected.reduce((sum, p) => sum + p.lag, 0), report?.total);
}

/** Our own computation: committed offsets from the group coordinator, end and log-start offsets per partition. */
async function lagAsTheAdminApiSeesIt(t: GradeContext, groupId: string, topic: string): Promise<PartitionLag[]> {
  const [group] = await t.admin.fetchOffsets({ groupId, topics: [topic] });
  const offsets = await t.admin.fetchTopicOffsets(topic);
  return offsets
    .map(({ partition, high, low }) => {
      const offset = Number(group?.partitions.find((p) => p.partition === partition)?.offset ?? -1);
      const committed = offset >= 0 ? offset : null;
      return { partition, committed, end: Number(high), lag: Number(high) - (committed ?? Number(low)) };
    })
    .sort((a, b) => a.partition - b.partition);
}
