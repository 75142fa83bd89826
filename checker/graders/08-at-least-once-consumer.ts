// Grader for exercise 8: the learner's consumer is killed (SIGKILL) mid-stream and restarted; together the two
// runs must process every payment at least once, and the group's committed offset must end past the last record.
import { Partitioners } from "kafkajs";
import { createTopic } from "../cluster/admin.ts";
import type { GradeContext } from "../runner/grade.ts";
import { committedOffsets, endOffsets, readToEnd } from "./support/read-to-end.ts";
import { groupIsStable, untilWhileRunning, type WaitOutcome } from "./support/while-running.ts";

const PAYMENTS = Array.from({ length: 30 }, (_, i) => ({ id: `pay-${String(i + 1).padStart(3, "0")}`, amount: 5 + ((i * 37) % 200) }));
/** Slow enough that the kill lands while most payments are still waiting. */
const DELAY_MS = 120;
const KILL_AFTER = 8;
/** Counted from the moment the learner's consumer is in its group: starting a process can be slow on a busy machine. */
const FIRST_RESULTS_WITHIN_MS = 8_000;
const JOIN_WITHIN_MS = 30_000;

export default async function grade(t: GradeContext): Promise<void> {
  const payments = t.topic("payments");
  const processed = t.topic("processed");
  const group = t.groupId("payment-processors");
  await Promise.all([createTopic(t.admin, { topic: payments, numPartitions: 1, replicationFactor: 3 }), createTopic(t.admin, { topic: processed, numPartitions: 1, replicationFactor: 3 })]);
  const producer = t.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    await producer.send({ topic: payments, messages: PAYMENTS.map((p) => ({ key: p.id, value: JSON.stringify(p) })) });

    const first = t.startLearner("processPayments", DELAY_MS);
    const joined = await untilWhileRunning(first, () => groupIsStable(t.admin, group), JOIN_WITHIN_MS, `a member in ${group}`);
    const progress: WaitOutcome<unknown> = joined.reached
      ? await untilWhileRunning(first, async () => ((await endOffsets(t, processed)).get(0) ?? 0) >= KILL_AFTER, FIRST_RESULTS_WITHIN_MS, `${KILL_AFTER} results on ${processed}`)
      : joined;
    if (!progress.reached) {
      const results = (await endOffsets(t, processed)).get(0) ?? 0;
      if ("returned" in progress) {
        t.expectTrue("processPayments() keeps consuming until it has read the END record", false, { expected: "still running (the END record is not written yet)", actual: `returned after ${results} results` });
      } else {
        t.expectTrue("processPayments() processes the payments from the first record (a new group must start at the earliest offset)", false, {
          expected: `at least ${KILL_AFTER} results on processed within ${FIRST_RESULTS_WITHIN_MS / 1000} s of joining ${group}`,
          actual: joined.reached ? `${results} results` : `no member joined the group within ${JOIN_WITHIN_MS / 1000} s`,
        });
      }
      return;
    }
    // The crash: no commit, no group leave, nothing flushed.
    await first.kill();
    await producer.send({ topic: payments, messages: [{ key: "END", value: null }] });
    await t.startLearner("processPayments", DELAY_MS).result;
  } finally {
    await producer.disconnect();
  }

  const results = await readToEnd(t, processed);
  const timesProcessed = new Map<string, number>();
  for (const record of results) timesProcessed.set(record.key ?? "", (timesProcessed.get(record.key ?? "") ?? 0) + 1);
  const lost = PAYMENTS.map((p) => p.id).filter((id) => !timesProcessed.has(id));
  const twice = [...timesProcessed.values()].filter((n) => n > 1).length;
  t.expectEqual(
    `no payment is lost in the crash: each is processed at least once${twice > 0 ? ` (${twice} processed again after the restart — at-least-once allows that)` : ""}`,
    { lost: [] },
    { lost },
  );
  const end = PAYMENTS.length + 1;
  t.expectEqual(
    `the group's committed offset is the end of payments (${end}: past every payment and the END record)`,
    end,
    (await committedOffsets(t, group, payments)).get(0),
  );
}
