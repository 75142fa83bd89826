// Grader for exercise 11: a compacted topic read as a table. The learner writes price changes (with tombstones)
// and rebuilds the table; then we close the segment and watch the log cleaner keep one record per key.
import { pollUntil } from "../cluster/wait.ts";
import type { GradeContext } from "../runner/grade.ts";
import { produce } from "./support/produce.ts";
import { readRecords, type StoredRecord } from "./support/read-records.ts";
import { learnerTopic } from "./support/topics.ts";

type Change = { key: string; value: string | null };

const CHANGES: Change[] = [
  { key: "apples", value: "1.20" },
  { key: "pears", value: "0.90" },
  { key: "plums", value: "2.50" },
  { key: "figs", value: "4.00" },
  { key: "apples", value: "1.25" },
  { key: "kiwis", value: "0.40" },
  { key: "pears", value: null },
  { key: "plums", value: "2.40" },
  { key: "figs", value: null },
  { key: "apples", value: "1.30" },
  { key: "kiwis", value: "0.45" },
  { key: "figs", value: "3.80" },
  { key: "plums", value: "2.45" },
  { key: "limes", value: "0.30" },
  { key: "limes", value: null },
  { key: "apples", value: "1.35" },
];
/** The last change of every key: what a compacted log keeps. */
const LATEST = new Map(CHANGES.map((change) => [change.key, change.value]));
const TABLE = Object.fromEntries([...LATEST].filter(([, value]) => value !== null).sort(([a], [b]) => a.localeCompare(b)));
const DELETED = [...LATEST].filter(([, value]) => value === null).map(([key]) => key);

export default async function grade(t: GradeContext): Promise<void> {
  const topic = t.topic("prices");
  await t.learner("createTableTopic");
  if (!(await isSetUpForCompaction(t, topic))) return;

  await t.learner("writeChanges", CHANGES);
  const table = await t.learner<Record<string, string>>("readTable");
  t.expectEqual("readTable returns the latest price of every product, without the removed ones", TABLE, sortedByKey(table ?? {}));

  const log = await compactedLog(t, topic);
  if (!t.expectTrue("the log cleaner compacts the topic: one record per key once the segment is closed", log !== undefined, {
    expected: `at most one record per key for ${[...LATEST.keys()].join(", ")}`,
    actual: "older records were still there after 20 s",
  }) || !log) return;
  t.expectEqual(
    "after compaction, each product keeps only its latest price",
    Object.fromEntries(Object.keys(TABLE).map((key) => [key, [TABLE[key]]])),
    Object.fromEntries(Object.keys(TABLE).map((key) => [key, log.filter((r) => r.key === key).map((r) => r.value)])),
  );
  const leftOfRemoved = Object.fromEntries(DELETED.map((key) => [key, log.filter((r) => r.key === key).map((r) => r.value)]));
  t.expectTrue(
    "a removed product leaves only its tombstone, a record with a null value (kept for delete.retention.ms)",
    Object.values(leftOfRemoved).every((values) => values.every((value) => value === null)),
    { expected: Object.fromEntries(DELETED.map((key) => [key, [null]])), actual: leftOfRemoved },
  );
}

async function isSetUpForCompaction(t: GradeContext, topic: string): Promise<boolean> {
  const metadata = await learnerTopic(t, topic);
  if (!t.expectTrue(`the topic ${topic} exists`, metadata !== undefined, { expected: topic, actual: "no such topic" })) return false;
  const configs = await t.admin.describeConfigs({ resources: [{ type: 2, name: topic }], includeSynonyms: false });
  const config = (name: string) => configs.resources[0]?.configEntries.find((entry) => entry.configName === name)?.configValue;
  // Every check runs, so that the learner sees all that is missing at once.
  return [
    t.expectEqual("the topic has one partition", 1, metadata!.partitions.length),
    t.expectEqual("cleanup.policy is compact", "compact", config("cleanup.policy")),
    t.expectEqual("segment.ms is 100 (the cleaner only compacts closed segments)", "100", config("segment.ms")),
    t.expectEqual("min.cleanable.dirty.ratio is 0.01", "0.01", config("min.cleanable.dirty.ratio")),
  ].every(Boolean);
}

/**
 * Appends a record of our own, which closes the segment holding the learner's changes (it is older than
 * segment.ms), then reads the log until the cleaner has left at most one record per key.
 */
async function compactedLog(t: GradeContext, topic: string): Promise<StoredRecord[] | undefined> {
  return pollUntil(
    async () => {
      await produce(t.kafka, topic, [{ key: "grader-segment-roll", value: String(Date.now()) }]);
      const records = (await readRecords(t, topic)).filter((r) => LATEST.has(r.key ?? ""));
      const perKey = new Map<string, number>();
      for (const r of records) perKey.set(r.key!, (perKey.get(r.key!) ?? 0) + 1);
      return [...perKey.values()].every((count) => count <= 1) ? records : undefined;
    },
    { timeoutMs: 20_000, intervalMs: 1_000, description: `compaction of ${topic}` },
  ).catch(() => undefined);
}

function sortedByKey(table: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(table).sort(([a], [b]) => a.localeCompare(b)));
}
