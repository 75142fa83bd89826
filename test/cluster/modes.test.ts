// The shared cluster suite: every provider and mode comes up with three brokers, takes an RF-3 topic from the CLI and
// from kafkajs, carries records, and leaves nothing behind when stopped.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KafkaCluster } from "../../checker/cluster/kafka-cluster.ts";
import { ensureCluster } from "../../checker/cluster/provider.ts";
import { runCli } from "../support/cli.ts";
import { createTopic } from "../../checker/cluster/admin.ts";
import { consumeAll, kafka } from "../support/kafka.ts";
import { isolatedStateDir } from "../support/paths.ts";
import { listenAddressesOf } from "../support/processes.ts";
import { CLUSTER_TARGETS, leftoversOf } from "../support/targets.ts";

describe.each(CLUSTER_TARGETS)("a cluster on the $name", (target) => {
  const { provider, mode } = target;
  let cluster: KafkaCluster;
  let stateDir: string;
  const notices: string[] = [];

  beforeAll(async () => {
    stateDir = isolatedStateDir(`${provider}-${mode}`);
    process.env.KAFKALINGS_STATE_DIR = stateDir;
    ({ cluster } = await ensureCluster({ provider, mode, listener: { notice: (text) => notices.push(text) } }));
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  it("has three brokers up and an elected controller", async () => {
    const brokers = await cluster.brokers();
    expect(brokers.map((b) => [b.id, b.up])).toEqual([
      [1, true],
      [2, true],
      [3, true],
    ]);
    expect(cluster.mode).toBe(mode);
    expect(cluster.provider).toBe(provider);
    expect([1, 2, 3]).toContain(await cluster.controllerId());
  });

  // Practice traffic stays on this machine: brokers (and Docker's published ports) listen on loopback only.
  it("serves clients on 127.0.0.1 and listens on loopback only", () => {
    for (const address of cluster.bootstrapServers) {
      const [host, port] = address.split(":") as [string, string];
      expect(host).toBe("127.0.0.1");
      const listeners = listenAddressesOf(Number(port));
      expect(listeners.length).toBeGreaterThan(0);
      expect(listeners.every((where) => where === "loopback"), `port ${port} listens on ${listeners.join(", ")}`).toBe(true);
    }
  });

  it("creates the lab's topic through `npm run kafka` and describes 6 partitions, 3 replicas, ISR of 3", async () => {
    const env = { KAFKALINGS_STATE_DIR: stateDir };
    const create = await runCli("kafka", ["kafka-topics", "--create", "--replication-factor", "3", "--partitions", "6", "--topic", "inventory_purchases"], env);
    expect(create.code, create.stderr).toBe(0);
    expect(create.stdout).toContain("Created topic inventory_purchases.");
    const describe = await runCli("kafka", ["topics", "--describe", "--topic", "inventory_purchases"], env);
    expect(describe.code).toBe(0);
    expect(describe.stdout).toMatch(/PartitionCount: 6\s+ReplicationFactor: 3/);
    const partitions = describe.stdout.split("\n").filter((line) => /\tPartition: \d/.test(line));
    expect(partitions).toHaveLength(6);
    for (const line of partitions) expect(line).toMatch(/Replicas: \d,\d,\d\s+Isr: \d,\d,\d/);
  });

  it("pipes records through the console producer and back out of the console consumer", async () => {
    const env = { KAFKALINGS_STATE_DIR: stateDir };
    const lines = ["apples:3", "pears:1", "plums:12"];
    const produce = await runCli("kafka", ["kafka-console-producer", "--topic", "inventory_purchases"], env, `${lines.join("\n")}\n`);
    expect(produce.code, produce.stderr).toBe(0);
    const consume = await runCli("kafka", ["console-consumer", "--topic", "inventory_purchases", "--from-beginning", "--max-messages", "3"], env);
    expect(consume.code, consume.stderr).toBe(0);
    expect(consume.stdout.trim().split("\n").sort()).toEqual([...lines].sort());
    expect(consume.stderr).toContain("Processed a total of 3 messages");
  });

  it("creates a 6-partition RF-3 topic with kafkajs admin and round-trips 1,000 records", async () => {
    const client = kafka(cluster.clientConfig("modes-test"));
    const admin = client.admin();
    await admin.connect();
    const metadata = await createTopic(admin, { topic: "round-trip", numPartitions: 6, replicationFactor: 3 });
    await admin.disconnect();
    expect(metadata.partitions).toHaveLength(6);
    for (const partition of metadata.partitions) expect(partition.replicas).toHaveLength(3);

    const producer = client.producer();
    await producer.connect();
    const sent = Array.from({ length: 1000 }, (_, i) => ({ key: `key-${i % 37}`, value: `record-${i}` }));
    for (let i = 0; i < sent.length; i += 100) await producer.send({ topic: "round-trip", acks: -1, messages: sent.slice(i, i + 100) });
    await producer.disconnect();

    const received = await consumeAll(client, "round-trip", 1000);
    expect(received.map((r) => r.value).sort()).toEqual(sent.map((m) => m.value).sort());
    expect(new Set(received.map((r) => r.partition)).size).toBe(6);
  });

  it("stops and leaves nothing behind (no JVM, container or network)", async () => {
    await cluster.stop();
    expect(leftoversOf(target, stateDir, cluster.id)).toEqual([]);
  });
});
