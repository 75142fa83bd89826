// Killing the broker that leads a partition: a new leader comes from the ISR, an acks=all producer keeps
// going, a consumer reads every record in order per partition, and a restarted broker rejoins the ISR.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KafkaCluster } from "../../checker/cluster/kafka-cluster.ts";
import { ensureCluster } from "../../checker/cluster/provider.ts";
import { pollUntil } from "../../checker/cluster/wait.ts";
import { createTopic } from "../../checker/cluster/admin.ts";
import { consumeAll, kafka } from "../support/kafka.ts";
import { isolatedStateDir } from "../support/paths.ts";
import { CLUSTER_TARGETS } from "../support/targets.ts";

const TOPIC = "failover";
const RECORDS = 2000;
const BATCH = 20;

describe.each(CLUSTER_TARGETS)("leader failover on the $name", ({ provider, mode }) => {
  let cluster: KafkaCluster;

  beforeAll(async () => {
    process.env.KAFKALINGS_STATE_DIR = isolatedStateDir(`failover-${provider}-${mode}`);
    ({ cluster } = await ensureCluster({ provider, mode }));
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  it("elects a new leader from the ISR, loses nothing, and restores the ISR after startBroker", async () => {
    const client = kafka(cluster.clientConfig("failover-test"));
    const admin = client.admin();
    await admin.connect();
    // Metadata reaches every broker a little after the topic exists (KRaft): ask until one answers.
    const partitionState = () =>
      pollUntil(async () => (await admin.fetchTopicMetadata({ topics: [TOPIC] })).topics[0]?.partitions.find((p) => p.partitionId === 0), {
        timeoutMs: 20_000,
        description: "metadata of partition 0",
      });
    try {
      await createTopic(admin, { topic: TOPIC, numPartitions: 6, replicationFactor: 3, configEntries: [{ name: "min.insync.replicas", value: "2" }] });
      const before = await partitionState();
      expect(before.isr.sort()).toEqual([1, 2, 3]);

      const producer = client.producer({ idempotent: true, maxInFlightRequests: 1 });
      await producer.connect();
      let killed = false;
      for (let sequence = 0; sequence < RECORDS; sequence += BATCH) {
        if (!killed && sequence >= RECORDS / 4) {
          await cluster.killBroker(before.leader);
          killed = true;
        }
        // One key, so one partition, per send: kafkajs 2.2.4 silently drops a multi-leader send's records for a
        // partition whose leader moved to a broker that had already answered (tulios/kafkajs#1798).
        const key = `k${(sequence / BATCH) % 12}`;
        const messages = Array.from({ length: BATCH }, (_, i) => ({ key, value: String(sequence + i) }));
        await producer.send({ topic: TOPIC, acks: -1, messages });
      }
      await producer.disconnect();

      const after = await pollUntil(
        async () => {
          const state = await partitionState();
          return state.leader !== before.leader && state.leader >= 0 ? state : undefined;
        },
        { timeoutMs: 30_000, description: "a new leader for partition 0" },
      );
      expect(before.isr).toContain(after.leader);
      expect(after.isr).not.toContain(before.leader);

      const received = await consumeAll(client, TOPIC, RECORDS);
      expect(received).toHaveLength(RECORDS);
      expect(new Set(received.map((r) => r.value)).size).toBe(RECORDS);
      for (let partition = 0; partition < 6; partition++) {
        const values = received.filter((r) => r.partition === partition).map((r) => Number(r.value));
        expect(values).toEqual([...values].sort((a, b) => a - b));
      }

      await cluster.startBroker(before.leader);
      expect((await cluster.brokers()).every((b) => b.up)).toBe(true);
      const restored = await pollUntil(
        async () => {
          const state = await partitionState();
          return state.isr.length === 3 ? state : undefined;
        },
        { timeoutMs: 60_000, description: "the ISR of partition 0 to be back to 3" },
      );
      expect(restored.isr.sort()).toEqual([1, 2, 3]);
    } finally {
      await admin.disconnect();
    }
  });

  it("keeps answering while broker 1, the first bootstrap server, is down, and restarts it", async () => {
    await cluster.killBroker(1);
    expect((await cluster.brokers()).map((b) => b.up)).toEqual([false, true, true]);
    // If broker 1 was the controller, another one takes over once the cluster notices (ZooKeeper: session timeout);
    // until then the live brokers still name broker 1, so wait for a controller among them.
    try {
      const liveController = async () => {
        const id = await cluster.controllerId();
        return id !== undefined && id !== 1 ? id : undefined;
      };
      const controller = await pollUntil(liveController, { timeoutMs: 30_000, description: "a controller other than the killed broker 1" });
      expect([2, 3]).toContain(controller);
    } finally {
      await cluster.startBroker(1);
    }
    expect((await cluster.brokers()).map((b) => b.up)).toEqual([true, true, true]);
  });

  it("restarts a broker that held the only replica of a partition (kafkajs metadata fails while it is offline)", async () => {
    const admin = kafka(cluster.clientConfig("offline-test")).admin();
    await admin.connect();
    try {
      await createTopic(admin, { topic: "only-on-3", replicaAssignment: [{ partition: 0, replicas: [3] }] });
      await cluster.stopBroker(3);
      await cluster.startBroker(3);
      const leader = await pollUntil(async () => (await admin.fetchTopicMetadata({ topics: ["only-on-3"] })).topics[0]?.partitions[0]?.leader, {
        timeoutMs: 30_000,
        description: "a leader for only-on-3 again",
      });
      expect(leader).toBe(3);
    } finally {
      await admin.disconnect();
    }
  });
});

