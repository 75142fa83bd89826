// Grader for exercise 4: the learner describes a topic's partitions with all brokers up; we kill the leader of
// a partition, wait until the cluster has elected new leaders and shrunk the ISR, and ask again. The broker is
// restarted, and the ISR back to full, before we return.
import type { PartitionMetadata } from "kafkajs";
import { createTopic } from "../cluster/admin.ts";
import { pollUntil } from "../cluster/wait.ts";
import type { GradeContext } from "../runner/grade.ts";
import { firstBootstrapBroker, restoreBrokers } from "./support/brokers.ts";

const PARTITIONS = 3;
/** How many answers in a row must agree: kafkajs asks any broker, and they learn of changes one by one. */
const CONFIRMATIONS = 3;

interface PartitionState {
  partition: number;
  leader: number;
  replicas: number[];
  isr: number[];
}

export default async function grade(t: GradeContext): Promise<void> {
  const topic = t.topic("payments");
  await createTopic(t.admin, { topic, numPartitions: PARTITIONS, replicationFactor: 3 });
  const before = await settledState(t, topic, (partitions) => partitions.every((p) => p.isr.length === p.replicas.length));
  if (!matches(t, "all brokers up", before, await t.learner("describePartitions", topic))) return;

  // A leader other than the first bootstrap broker, so the learner's client finds the cluster at once.
  const seed = await firstBootstrapBroker(t);
  const { partition: led, leader: victim } = before.find((p) => p.leader !== seed) ?? before[0]!;
  await t.cluster.killBroker(victim);
  try {
    // The cluster notices the death after the broker's session times out; then the controller elects new
    // leaders from the ISR and drops the dead broker from every ISR.
    const after = await settledState(t, topic, (partitions) => partitions.every((p) => p.leader >= 0 && p.leader !== victim && !p.isr.includes(victim)));
    matches(t, `after broker ${victim}, the leader of partition ${led}, died`, after, await t.learner("describePartitions", topic));
  } finally {
    await restoreBrokers(t, [victim]);
  }
}

/** Compares the learner's answer with ours; returns whether every part matched. */
function matches(t: GradeContext, when: string, expected: PartitionState[], answer: unknown): boolean {
  const reported = (Array.isArray(answer) ? (answer as PartitionState[]) : []).slice().sort((a, b) => a.partition - b.partition);
  if (!t.expectEqual(`(${when}) there is one entry per partition, numbered from 0`, expected.map((p) => p.partition), reported.map((p) => p.partition))) return false;
  const byPartition = (states: PartitionState[], pick: (p: PartitionState) => unknown) => Object.fromEntries(states.map((p) => [`partition ${p.partition}`, pick(p)]));
  const sorted = (ids: number[] | undefined) => [...(ids ?? [])].sort((a, b) => a - b);
  return [
    t.expectEqual(`(${when}) each partition's leader is the broker the cluster reports`, byPartition(expected, (p) => p.leader), byPartition(reported, (p) => p.leader)),
    t.expectEqual(`(${when}) each partition's replicas are every broker assigned a copy, dead or alive`, byPartition(expected, (p) => sorted(p.replicas)), byPartition(reported, (p) => sorted(p.replicas))),
    t.expectEqual(`(${when}) each partition's ISR holds only the in-sync replicas`, byPartition(expected, (p) => sorted(p.isr)), byPartition(reported, (p) => sorted(p.isr))),
  ].every(Boolean);
}

/** Our own view of the topic's partitions, once `settled` holds for several answers in a row. */
async function settledState(t: GradeContext, topic: string, settled: (partitions: PartitionMetadata[]) => boolean): Promise<PartitionState[]> {
  let confirmations = 0;
  const partitions = await pollUntil(
    async () => {
      const [metadata] = (await t.admin.fetchTopicMetadata({ topics: [topic] })).topics;
      confirmations = metadata && settled(metadata.partitions) ? confirmations + 1 : 0;
      return confirmations >= CONFIRMATIONS ? metadata?.partitions : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 100, description: `the partitions of ${topic} to settle` },
  );
  return partitions.map(({ partitionId, leader, replicas, isr }) => ({ partition: partitionId, leader, replicas, isr })).sort((a, b) => a.partition - b.partition);
}
