// Grader for exercise 10: page views with explicit timestamps over several hours in three partitions; the
// learner replays from a time that is exactly one record's timestamp, and must return precisely the records at
// or after it.
import { createTopic } from "../cluster/admin.ts";
import type { GradeContext } from "../runner/grade.ts";
import { produce } from "./support/produce.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// One view every 30 minutes per partition, shifted by a minute per partition so the partitions interleave.
// Partition 2 stops early: it has nothing at or after the replay time.
const LAYOUT = [
  { partition: 0, views: 12, shiftMs: 0 },
  { partition: 1, views: 12, shiftMs: MINUTE },
  { partition: 2, views: 4, shiftMs: 2 * MINUTE },
];

interface Returned {
  partition: number;
  offset: string;
}

export default async function grade(t: GradeContext): Promise<void> {
  const topic = t.topic("page-views");
  // Hours in the past, inside the default retention (7 days), so the broker keeps every record.
  const base = Math.floor(Date.now() / HOUR) * HOUR - 8 * HOUR;
  // Exactly the timestamp of partition 1's seventh view: the boundary must be included.
  const sinceMs = base + 3 * HOUR + MINUTE;
  const written = LAYOUT.flatMap(({ partition, views, shiftMs }) =>
    Array.from({ length: views }, (_, offset) => ({ partition, offset, timestamp: base + offset * 30 * MINUTE + shiftMs })),
  );
  await createTopic(t.admin, { topic, numPartitions: LAYOUT.length, replicationFactor: 3 });
  await produce(
    t.kafka,
    topic,
    written.map(({ partition, offset, timestamp }) => ({ partition, timestamp: String(timestamp), value: JSON.stringify({ page: `/p/${partition}/${offset}` }) })),
  );

  const answer = await t.learner<unknown>("replayFrom", sinceMs);
  const returned = Array.isArray(answer) ? (answer as Returned[]) : [];
  const timestampOf = (r: Returned) => written.find((w) => w.partition === r.partition && w.offset === Number(r.offset))?.timestamp ?? Number.NaN;
  const label = (r: Returned) => `partition ${r.partition} offset ${r.offset} (${clock(timestampOf(r))})`;

  t.expectEqual(
    `no record older than sinceMs (${clock(sinceMs)} UTC) is returned`,
    [],
    returned.filter((r) => timestampOf(r) < sinceMs).map(label),
  );
  // The boundary check speaks only when the boundary's partition was replayed at all; otherwise the next check says more.
  const boundary = written.find((w) => w.timestamp === sinceMs)!;
  if (returned.some((r) => r.partition === boundary.partition)) {
    t.expectTrue(
      "the record stamped exactly sinceMs is included (replay from the first offset whose timestamp is ≥ sinceMs)",
      returned.some((r) => r.partition === boundary.partition && Number(r.offset) === boundary.offset),
      { expected: `partition ${boundary.partition} offset ${boundary.offset}`, actual: "not returned" },
    );
  }
  t.expectEqual("every record at or after sinceMs is returned, from every partition", offsetsByPartition(written.filter((w) => w.timestamp >= sinceMs)), offsetsByPartition(returned));
  const labels = returned.map(label);
  t.expectEqual("no record is returned twice", [], [...new Set(labels.filter((l, i) => labels.indexOf(l) !== i))]);
}

/** hh:mm in UTC, or "?" for a record we never wrote. */
function clock(ms: number): string {
  return Number.isNaN(ms) ? "?" : new Date(ms).toISOString().slice(11, 16);
}

function offsetsByPartition(records: { partition: number; offset: string | number }[]): Record<string, number[]> {
  return Object.fromEntries(
    LAYOUT.map(({ partition }) => [`partition ${partition}`, records.filter((r) => r.partition === partition).map((r) => Number(r.offset)).sort((a, b) => a - b)]),
  );
}
