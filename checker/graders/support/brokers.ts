// Graders that stop or kill brokers: which broker to keep, and bringing the others back to a healthy cluster.
import { pollUntil } from "../../cluster/wait.ts";
import type { GradeContext } from "../../runner/grade.ts";

/**
 * The broker behind the first bootstrap server. kafkajs always connects there first (and moves on only when it
 * retries), so a fault that keeps it up tests the learner's settings, not how kafkajs picks a seed broker.
 */
export async function firstBootstrapBroker(t: GradeContext): Promise<number> {
  const brokers = await t.cluster.brokers();
  const seed = t.cluster.bootstrapServers[0];
  return (brokers.find((b) => `${b.host}:${b.port}` === seed) ?? brokers[0]!).id;
}

/**
 * Starts the given brokers again and waits until every partition of every topic has its full ISR, so the next
 * exercise finds a healthy cluster. Call it from a `finally`.
 */
export async function restoreBrokers(t: GradeContext, ids: number[]): Promise<void> {
  // Brokers start side by side, as `cluster up` starts them: a JVM takes seconds to boot.
  await Promise.all(ids.map((id) => t.cluster.startBroker(id)));
  await pollUntil(
    async () => {
      const { topics } = await t.admin.fetchTopicMetadata({ topics: await t.admin.listTopics() });
      return topics.every((topic) => topic.partitions.every((p) => p.isr.length === p.replicas.length));
    },
    { timeoutMs: 60_000, intervalMs: 250, description: "every partition to have its full ISR again" },
  );
}
