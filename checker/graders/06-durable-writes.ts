// Grader for exercise 6: RF 3 + min.insync.replicas 2 + acks=all. One broker down: writes go on. Two down: the
// leader refuses the write (NOT_ENOUGH_REPLICAS) and the learner's producer gives up quickly instead of retrying on.
import type { ITopicMetadata } from "kafkajs";
import { LearnerFailure } from "../runner/sandbox.ts";
import type { GradeContext } from "../runner/grade.ts";
import { firstBootstrapBroker, restoreBrokers } from "./support/brokers.ts";
import { readRecords } from "./support/read-records.ts";
import { learnerTopic } from "./support/topics.ts";

const FAIL_FAST_MS = 15_000;
const WHILE_ONE_DOWN = { id: "order-1", customer: "ada", total: 42 };
const WHILE_TWO_DOWN = { id: "order-2", customer: "grace", total: 7 };

export default async function grade(t: GradeContext): Promise<void> {
  const topic = t.topic("orders");
  await t.learner("createDurableTopic");
  const metadata = await durableTopic(t, topic);
  if (!metadata) return;

  // Keep the first bootstrap broker up; stop the leader of partition 0 first, so that a leader change is survived too.
  const survivor = await firstBootstrapBroker(t);
  const others = (await t.cluster.brokers()).map((b) => b.id).filter((id) => id !== survivor);
  const leader = metadata.partitions.find((p) => p.partitionId === 0)?.leader;
  const stopOrder = others.sort((a, b) => Number(b === leader) - Number(a === leader));
  const stopped: number[] = [];
  try {
    await t.cluster.stopBroker(stopOrder[0]!);
    stopped.push(stopOrder[0]!);
    const first = await attempt(t, WHILE_ONE_DOWN);
    if (!t.expectTrue("with one of three brokers down, writeOrder succeeds (2 in-sync replicas are enough)", first.ok, { expected: "the order is written", actual: first.error })) return;
    t.expectEqual(`with one broker down, the order is in ${topic}`, 1, await recordCount(t, topic));

    await t.cluster.stopBroker(stopOrder[1]!);
    stopped.push(stopOrder[1]!);
    const second = await attempt(t, WHILE_TWO_DOWN);
    t.expectTrue(
      "with two of three brokers down, writeOrder fails with NOT_ENOUGH_REPLICAS (acks=all and min.insync.replicas=2)",
      !second.ok && /fewer in-sync replicas than required/.test(second.error),
      { expected: "a rejected write: Messages are rejected since there are fewer in-sync replicas than required", actual: second.ok ? "the order was written, with only one replica in sync" : second.error },
    );
    t.expectTrue(`with two brokers down, writeOrder gives up within ${FAIL_FAST_MS / 1000} s`, second.ms <= FAIL_FAST_MS, {
      expected: `≤ ${FAIL_FAST_MS / 1000} s`,
      actual: second.timedOut ? `still retrying when it was stopped after ${(second.ms / 1000).toFixed(1)} s` : `${(second.ms / 1000).toFixed(1)} s`,
    });
  } finally {
    await restoreBrokers(t, stopped.reverse());
  }
  const records = await readRecords(t, topic);
  t.expectTrue("the order was written by an idempotent producer (its batch carries a producer id)", records.length > 0 && records.every((r) => r.producerId !== "-1"), {
    expected: "a producer id",
    actual: records.map((r) => r.producerId).join(", ") || "no records",
  });
}

/** The topic's metadata when it is set up for durable writes; undefined (after failed checks) otherwise. */
async function durableTopic(t: GradeContext, topic: string): Promise<ITopicMetadata | undefined> {
  const metadata = await learnerTopic(t, topic);
  if (!t.expectTrue(`the topic ${topic} exists`, metadata !== undefined, { expected: topic, actual: "no such topic" })) return undefined;
  const replicas = [...new Set(metadata!.partitions.map((p) => p.replicas.length))];
  const configs = await t.admin.describeConfigs({ resources: [{ type: 2, name: topic }], includeSynonyms: false });
  const minIsr = configs.resources[0]?.configEntries.find((entry) => entry.configName === "min.insync.replicas")?.configValue;
  // Both must hold before stopping brokers is worth it: evaluate both, so the learner sees every mistake at once.
  const rf = t.expectEqual("every partition has 3 replicas (replication factor 3)", [3], replicas);
  const isr = t.expectEqual("the topic config min.insync.replicas is 2", "2", minIsr);
  return rf && isr ? metadata : undefined;
}

interface Attempt {
  ok: boolean;
  error: string;
  ms: number;
  timedOut: boolean;
}

async function attempt(t: GradeContext, order: typeof WHILE_ONE_DOWN): Promise<Attempt> {
  const started = Date.now();
  try {
    await t.learner("writeOrder", order);
    return { ok: true, error: "", ms: Date.now() - started, timedOut: false };
  } catch (error) {
    // A write that fails is what this exercise expects of writeOrder; anything else (a syntax error…) stops grading.
    if (!(error instanceof LearnerFailure) || (error.kind !== "threw" && error.kind !== "timeout")) throw error;
    return { ok: false, error: error.info?.message ?? error.message, ms: Date.now() - started, timedOut: error.kind === "timeout" };
  }
}

async function recordCount(t: GradeContext, topic: string): Promise<number> {
  const offsets = await t.admin.fetchTopicOffsets(topic);
  return offsets.reduce((sum, o) => sum + Number(o.high) - Number(o.low), 0);
}
