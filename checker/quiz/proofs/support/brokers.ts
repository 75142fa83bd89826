// Partition state (leader, ISR) and broker outages that always end with every broker back and every ISR full.
import type { Admin, PartitionMetadata } from "kafkajs";
import type { KafkaCluster } from "../../../cluster/kafka-cluster.ts";
import { pollUntil } from "../../../cluster/wait.ts";
import type { Narrate } from "../proof.ts";

export interface PartitionState {
  leader: number;
  isr: number[];
  replicas: number[];
}

function stateOf(partition: PartitionMetadata): PartitionState {
  return { leader: partition.leader, isr: [...partition.isr].sort((a, b) => a - b), replicas: [...partition.replicas] };
}

/** Polls partition 0 of a topic until `accept` holds, and returns that state. */
export function waitForPartition(admin: Admin, topic: string, accept: (state: PartitionState) => boolean, description: string, timeoutMs = 30_000): Promise<PartitionState> {
  return pollUntil(
    async () => {
      const [metadata] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
      const partition = metadata?.partitions.find((p) => p.partitionId === 0);
      const state = partition && stateOf(partition);
      return state && accept(state) ? state : undefined;
    },
    { timeoutMs, intervalMs: 100, description },
  );
}

export function waitForIsrSize(admin: Admin, topic: string, size: number): Promise<PartitionState> {
  return waitForPartition(admin, topic, (state) => state.isr.length === size, `the ISR of ${topic}-0 to have ${size} replica(s)`);
}

export function listBrokers(ids: number[]): string {
  return `[${ids.join(", ")}]`;
}

/** Starts every broker that is down, then waits until every partition of every topic has its full ISR. */
export async function restoreCluster(cluster: KafkaCluster, admin: Admin, narrate: Narrate): Promise<void> {
  const down = (await cluster.brokers()).filter((broker) => !broker.up).map((broker) => broker.id);
  await Promise.all(down.map((id) => cluster.startBroker(id)));
  await pollUntil(
    async () => {
      const { topics } = await admin.fetchTopicMetadata();
      return topics.every((topic) => topic.partitions.every((p) => p.leader >= 0 && p.isr.length === p.replicas.length));
    },
    { timeoutMs: 90_000, intervalMs: 250, description: "every partition to have a leader and its full ISR again" },
  );
  if (down.length > 0) {
    const brokers = down.length === 1 ? `broker ${down[0]} starts` : `brokers ${down.join(" and ")} start`;
    narrate(`Afterwards ${brokers} again and every partition is back to its full ISR.`);
  }
}

/** Runs steps that stop or kill brokers; whatever happens, every broker runs again and every ISR is full afterwards. */
export async function withBrokerOutage<T>(cluster: KafkaCluster, admin: Admin, narrate: Narrate, steps: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await steps();
  } catch (error) {
    // Restore anyway, and never let a failed restore hide why the steps failed.
    await restoreCluster(cluster, admin, narrate).catch((restoreError: unknown) => {
      throw new AggregateError([error, restoreError], "the proof failed, and so did restarting its brokers");
    });
    throw error;
  }
  await restoreCluster(cluster, admin, narrate);
  return result;
}
