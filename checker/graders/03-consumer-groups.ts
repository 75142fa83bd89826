// Grader for exercise 3: keyed records in 6 partitions; a one-consumer group must get all of them, and a
// two-consumer group must split the partitions between its members and, together, get all of them too.
import { createTopic } from "../cluster/admin.ts";
import type { GradeContext } from "../runner/grade.ts";
import { produce } from "./support/produce.ts";

const PARTITIONS = 6;
const RECORDS = 60;
const ALL_PARTITIONS = Array.from({ length: PARTITIONS }, (_, p) => p);

interface ConsumerReport {
  groupId: string;
  partitions: number[];
  records: { partition: number; offset: string }[];
}

export default async function grade(t: GradeContext): Promise<void> {
  const topic = t.topic("orders");
  await createTopic(t.admin, { topic, numPartitions: PARTITIONS, replicationFactor: 3 });
  // 12 customers, 5 orders each: under murmur2 every partition gets some, 5 to 20 records each.
  await produce(
    t.kafka,
    topic,
    Array.from({ length: RECORDS }, (_, i) => ({ key: `customer-${i % 12}`, value: JSON.stringify({ order: i }) })),
  );
  const ends = await t.admin.fetchTopicOffsets(topic);
  const everyRecord = offsetsPerPartition(ends.flatMap(({ partition, high }) => Array.from({ length: Number(high) }, (_, offset) => ({ partition, offset: String(offset) }))));

  const report = await t.learner<{ group1?: Partial<ConsumerReport>[]; group2?: Partial<ConsumerReport>[] } | undefined>("consumeInGroups", RECORDS);
  const [group1, group2] = [(report?.group1 ?? []).map(complete), (report?.group2 ?? []).map(complete)];

  if (t.expectEqual("group 1 has exactly one consumer", 1, group1.length)) {
    const [alone] = group1 as [ConsumerReport];
    t.expectEqual("group 1's only consumer was assigned every partition", ALL_PARTITIONS, [...alone.partitions].sort((a, b) => a - b));
    t.expectEqual("group 1's only consumer got every record, once (from the first offset of each partition)", everyRecord, offsetsPerPartition(alone.records));
  }

  if (!t.expectEqual("group 2 has two consumers", 2, group2.length)) return;
  const ids = [...new Set(group2.map((c) => c.groupId))];
  t.expectEqual("group 2's two consumers share one group id (that is what puts them in one group)", 1, ids.length);
  t.expectTrue("group 1 and group 2 have different group ids (one id = one group, sharing its partitions and offsets)", !group1.some((c) => ids.includes(c.groupId)), {
    expected: "two different group ids",
    actual: { group1: group1.map((c) => c.groupId), group2: group2.map((c) => c.groupId) },
  });
  const assigned = Object.fromEntries(group2.map((c, i) => [`consumer ${i + 1}`, [...c.partitions].sort((a, b) => a - b)]));
  t.expectTrue("each of group 2's consumers was assigned some partitions", group2.every((c) => c.partitions.length > 0), { expected: "a share of the 6 partitions each", actual: assigned });
  t.expectEqual(
    "each partition was assigned to exactly one of group 2's consumers",
    Object.fromEntries(ALL_PARTITIONS.map((p) => [`partition ${p}`, 1])),
    Object.fromEntries(ALL_PARTITIONS.map((p) => [`partition ${p}`, group2.filter((c) => c.partitions.includes(p)).length])),
  );
  t.expectEqual("group 2's consumers together got every record, once", everyRecord, offsetsPerPartition(group2.flatMap((c) => c.records)));
}

/** A report with missing fields reads as "nothing assigned, nothing received" rather than crashing the checks. */
function complete(report: Partial<ConsumerReport> | undefined): ConsumerReport {
  return { groupId: String(report?.groupId), partitions: report?.partitions ?? [], records: report?.records ?? [] };
}

/** Per partition, the offsets received, summed up: "10 records, offsets 0–9" when complete and in a row, else listed. */
function offsetsPerPartition(records: { partition: number; offset: string }[]): Record<string, string> {
  return Object.fromEntries(
    ALL_PARTITIONS.map((partition) => {
      const offsets = records.filter((r) => r.partition === partition).map((r) => Number(r.offset)).sort((a, b) => a - b);
      const inARow = offsets.every((offset, i) => offset === i);
      const summary = offsets.length === 0 ? "no records" : inARow ? `${offsets.length} records, offsets 0–${offsets.at(-1)}` : `${offsets.length} records, offsets ${offsets.join(", ")}`;
      return [`partition ${partition}`, summary];
    }),
  );
}
