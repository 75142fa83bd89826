// Grader for exercise 9: the group grows from one member to three while shipments keep arriving. Every
// shipment must be processed, none twice (a member commits its work before its partitions move), and every
// member must get partitions.
import { createTopic } from "../cluster/admin.ts";
import { pollUntil } from "../cluster/wait.ts";
import type { GradeContext } from "../runner/grade.ts";
import type { LearnerRun } from "../runner/sandbox.ts";
import { startFeeding } from "./support/feeder.ts";
import { committedOffsets, endOffsets, readToEnd } from "./support/read-to-end.ts";
import { startTail } from "./support/tail.ts";
import { groupIsStable, untilWhileRunning } from "./support/while-running.ts";

const PARTITIONS = 6;
const MEMBERS = ["member-1", "member-2", "member-3"];
/** 60 shipments a second arrive; one member alone processes fewer, so a backlog builds up before the others join. */
const DELAY_MS = 15;
const FEED_EVERY_MS = 100;
/** Shipments that arrive while the group has each size, once it has settled on that size. */
const SHIPMENTS_PER_STEP = 60;
/** Shipments processed twice that are forgiven: a rebalance without a crash needs none. */
const DUPLICATES_ALLOWED = 0;
const JOIN_WITHIN_MS = 30_000;
const CATCH_UP_WITHIN_MS = 20_000;

export default async function grade(t: GradeContext): Promise<void> {
  const shipments = t.topic("shipments");
  const shipped = t.topic("shipped");
  const group = t.groupId("shipping");
  await Promise.all([createTopic(t.admin, { topic: shipments, numPartitions: PARTITIONS, replicationFactor: 3 }), createTopic(t.admin, { topic: shipped, numPartitions: 1, replicationFactor: 3 })]);
  const tail = await startTail(t, shipped);
  const members: LearnerRun<void>[] = [];
  try {
    const feeder = await startFeeding(t.kafka, shipments, PARTITIONS, FEED_EVERY_MS, "ship");
    try {
      for (const name of MEMBERS) {
        members.push(t.startLearner<void>("runMember", name, DELAY_MS));
        // Any member that ends early ends the wait: none may return before the END records.
        const anyEnded = { result: Promise.race(members.map((m) => m.result)) };
        const joined = await untilWhileRunning(anyEnded, () => groupIsStable(t.admin, group, members.length), JOIN_WITHIN_MS, `${members.length} members in ${group}`);
        if (!joined.reached) {
          t.expectTrue(`each member keeps consuming until it reads an END record, while the group grows to ${MEMBERS.length}`, false, {
            expected: `${members.length} member(s) in the group`,
            actual: "returned" in joined ? "a member returned before the END records were written" : `not within ${JOIN_WITHIN_MS / 1000} s`,
          });
          return;
        }
        const mark = feeder.sent();
        await pollUntil(() => feeder.sent() >= mark + SHIPMENTS_PER_STEP, { timeoutMs: 30_000, intervalMs: 20, description: `${SHIPMENTS_PER_STEP} more shipments` });
      }
    } finally {
      await feeder.stop();
    }
    // Once every shipment was processed (or it is clear some never will be), END each partition.
    const written = (await readToEnd(t, shipments)).map((r) => r.key);
    await pollUntil(() => new Set(tail.records.map((r) => r.key)).size >= written.length, { timeoutMs: CATCH_UP_WITHIN_MS, description: "every shipment processed" }).catch(() => undefined);
    const ends = await endOffsets(t, shipments);
    const producer = t.kafka.producer();
    await producer.connect();
    await producer.send({ topic: shipments, messages: Array.from({ length: PARTITIONS }, (_, partition) => ({ partition, key: "END", value: null })) }).finally(() => producer.disconnect());
    await Promise.all(members.map((m) => m.result));
    await tail.caughtUp();

    const processedBy = new Map<string, string[]>();
    for (const { key, value } of tail.records) processedBy.set(key ?? "", [...(processedBy.get(key ?? "") ?? []), value ?? ""]);
    const lost = written.filter((key) => !processedBy.has(key ?? ""));
    t.expectEqual("every shipment is processed by some member", { lost: [] }, { lost: lost.length > 10 ? [...lost.slice(0, 10), `…and ${lost.length - 10} more`] : lost });
    const twice = [...processedBy].filter(([, by]) => by.length > 1).map(([key, by]) => `${key} (${by.join(", ")})`);
    t.expectTrue(
      `no shipment is processed twice: a member must commit what it processed before its partitions move to another member${DUPLICATES_ALLOWED > 0 ? ` (${DUPLICATES_ALLOWED} forgiven)` : ""}`,
      twice.length <= DUPLICATES_ALLOWED,
      { expected: `at most ${DUPLICATES_ALLOWED} processed twice`, actual: `${twice.length} processed twice${twice.length ? `, e.g. ${twice.slice(0, 5).join("; ")}` : ""}` },
    );
    const counts = Object.fromEntries(MEMBERS.map((name) => [name, tail.records.filter((r) => r.value === name).length]));
    t.expectTrue("every member gets partitions and processes shipments", Object.values(counts).every((n) => n > 0), { expected: "each member > 0", actual: counts });
    // The END records themselves may stay unread: a member stops at the first one it meets.
    const committed = await committedOffsets(t, group, shipments);
    t.expectEqual(
      "the group's committed offsets cover every shipment of every partition",
      Object.fromEntries(ends),
      Object.fromEntries([...ends].map(([p, end]) => [p, Math.min(end, committed.get(p) ?? -1)])),
    );
  } finally {
    await tail.stop();
  }
}
