// Grader for exercise 7: the learner streams numbered records per key while we kill a partition leader. The topic
// must then hold every (key, seq) exactly once, each key in one partition and in order, from an idempotent producer.
import { createTopic } from "../cluster/admin.ts";
import { pollUntil } from "../cluster/wait.ts";
import type { GradeContext } from "../runner/grade.ts";
import { LearnerFailure } from "../runner/sandbox.ts";
import { firstBootstrapBroker, restoreBrokers } from "./support/brokers.ts";
import { readRecords, type StoredRecord } from "./support/read-records.ts";

// alice and bob share partition 0; dave is on 1, carol on 2 (murmur2, 3 partitions).
const KEYS = ["alice", "bob", "carol", "dave"];
const COUNT_PER_KEY = 100;
const KILL_AFTER_RECORDS = 40;

export default async function grade(t: GradeContext): Promise<void> {
  const topic = t.topic("events");
  const created = await createTopic(t.admin, { topic, numPartitions: 3, replicationFactor: 3, configEntries: [{ name: "min.insync.replicas", value: "2" }] });
  // Keep the first bootstrap broker (kafkajs's way in) alive; kill the leader of alice's partition, or another one.
  const survivor = await firstBootstrapBroker(t);
  const leaders = [...created.partitions].sort((a, b) => a.partitionId - b.partitionId).map((p) => p.leader);
  const victim = leaders.find((id) => id !== survivor) ?? (await t.cluster.brokers()).find((b) => b.id !== survivor)!.id;

  let finished = false;
  const run = t.startLearner("produceSequence", KEYS, COUNT_PER_KEY).result.then(
    () => undefined,
    (error: unknown) => error as Error,
  );
  void run.then(() => (finished = true));
  let killed = false;
  try {
    // A learner that is still sending but slower than this runs into its time limit below.
    const reached = await pollUntil(async () => finished || (await writtenCount(t, topic)) >= KILL_AFTER_RECORDS, { timeoutMs: 30_000, intervalMs: 20, description: "the first records" }).catch(() => false);
    if (reached && !finished) {
      await t.cluster.killBroker(victim);
      killed = true;
    }
    const failure = await run;
    if (failure && !(failure instanceof LearnerFailure && failure.kind === "threw")) throw failure;
    if (!killed) {
      const written = await writtenCount(t, topic);
      if (!t.expectTrue(`produceSequence writes records to ${topic}`, written > 0, { expected: `${KEYS.length * COUNT_PER_KEY} records`, actual: failure ? `it threw: ${failure.message}` : "none" })) return;
      t.expectTrue(
        `produceSequence was still sending, one record per send(), when the grader killed a partition leader (after ${KILL_AFTER_RECORDS} records)`,
        false,
        { expected: `still sending after ${KILL_AFTER_RECORDS} records`, actual: failure ? `it threw: ${failure.message}` : `it had finished, with ${written} records written` },
      );
      return;
    }
    t.expectTrue("produceSequence keeps going through the leader failover (the producer retries until a new leader takes over)", !failure, {
      expected: "it returns normally",
      actual: failure ? `it threw: ${failure.message}` : "it returned",
    });
  } finally {
    if (killed) await restoreBrokers(t, [victim]);
  }
  checkSequences(t, await readRecords(t, topic));
}

async function writtenCount(t: GradeContext, topic: string): Promise<number> {
  const offsets = await t.admin.fetchTopicOffsets(topic);
  return offsets.reduce((sum, o) => sum + Number(o.high), 0);
}

function checkSequences(t: GradeContext, records: StoredRecord[]): void {
  const notIdempotent = records.filter((r) => r.producerId === "-1").length;
  t.expectTrue("the records were written by an idempotent producer (each batch carries a producer id)", records.length > 0 && notIdempotent === 0, {
    expected: "a producer id on every batch",
    actual: records.length === 0 ? "no records" : `${notIdempotent} of ${records.length} records without one`,
  });
  const partitionsOf = (key: string) => [...new Set(records.filter((r) => r.key === key).map((r) => r.partition))];
  t.expectEqual(
    "each key's records are all in one partition (the key picks the partition)",
    Object.fromEntries(KEYS.map((key) => [key, 1])),
    Object.fromEntries(KEYS.map((key) => [key, partitionsOf(key).length])),
  );
  const missing: string[] = [];
  const duplicated: string[] = [];
  const outOfOrder: string[] = [];
  for (const key of KEYS) {
    // Records come sorted by partition and offset: this is the order the log holds them in.
    const sequence = records.filter((r) => r.key === key).map((r) => Number(r.value));
    const seen = new Set<number>();
    for (const [i, seq] of sequence.entries()) {
      if (seen.has(seq)) duplicated.push(`${key}#${seq}`);
      seen.add(seq);
      if (i > 0 && seq <= sequence[i - 1]!) outOfOrder.push(`${key}: ${sequence[i - 1]} then ${seq}`);
    }
    for (let seq = 0; seq < COUNT_PER_KEY; seq++) if (!seen.has(seq)) missing.push(`${key}#${seq}`);
  }
  t.expectEqual(`no record is missing (${COUNT_PER_KEY} per key)`, [], summarise(missing));
  t.expectEqual("no record was written twice", [], summarise(duplicated));
  t.expectEqual("each key's records are in the order they were sent", [], summarise(outOfOrder));
}

/** The first few problems, and how many more there are. */
function summarise(problems: string[], shown = 5): string[] {
  return problems.length > shown ? [...problems.slice(0, shown), `… and ${problems.length - shown} more`] : problems;
}
