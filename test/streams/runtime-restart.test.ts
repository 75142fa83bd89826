// Kill a Kafka Streams process (SIGKILL) and start it again: its count store comes back from the changelog, so the
// counts continue where they were and the final results are those of an uninterrupted run.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { Partitioners, type Kafka } from "kafkajs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { KafkaCluster } from "../../checker/cluster/kafka-cluster.ts";
import { pollUntil } from "../../checker/cluster/wait.ts";
import { Serdes, type ProcessingGuarantee } from "../../checker/streams/index.ts";
import { REPO } from "../support/paths.ts";
import { withAdmin, byKey, clientFor, createTopics, readTopic, RECENT, startCluster, waitUntilCommitted, type Output } from "./runtime-support.ts";

const KEYS = 8;
const HALF = 1_600;

let cluster: KafkaCluster;
let kafka: Kafka;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  cluster = await startCluster("streams-runtime-restart");
  kafka = clientFor(cluster);
});

afterEach(() => {
  for (const child of children) child.kill("SIGKILL");
  children.clear();
});

afterAll(async () => {
  await cluster?.stop();
});

/** Starts the count application in its own process and waits until it reports RUNNING. */
async function startApp(applicationId: string, guarantee: ProcessingGuarantee, input: string, output: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", join(REPO, "test", "streams", "runtime-count-app.ts")], {
    cwd: REPO,
    env: { ...process.env, APPLICATION_ID: applicationId, GUARANTEE: guarantee, INPUT: input, OUTPUT: output, BOOTSTRAP: cluster.bootstrapServers.join(",") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  await pollUntil(
    () => {
      if (child.exitCode !== null) throw new Error(`the application exited with ${child.exitCode}:\n${stderr}`);
      return stdout.includes("STATE RUNNING");
    },
    { timeoutMs: 60_000, description: "the application to reach RUNNING", isFatal: () => true },
  );
  return child;
}

async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await exited;
  children.delete(child);
}

/** `count` records with keys k0..k7, produced in batches (order per key is the order here). */
async function produceRecords(topic: string, from: number, count: number): Promise<void> {
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    for (let start = from; start < from + count; start += 200) {
      const messages = Array.from({ length: Math.min(200, from + count - start) }, (_, i) => ({ key: `k${(start + i) % KEYS}`, value: "v", timestamp: String(RECENT + start + i) }));
      await producer.send({ topic, acks: -1, messages });
    }
  } finally {
    await producer.disconnect();
  }
}

/** Per key 1, 2, …, n: every update of the count exactly once, continuing across the restart. */
function uninterruptedCounts(total: number): Map<string, number[]> {
  const perKey = total / KEYS;
  return new Map(Array.from({ length: KEYS }, (_, key) => [`k${key}`, Array.from({ length: perKey }, (_, index) => index + 1)]));
}

function countsByKey(records: readonly Output<number>[]): Map<string, number[]> {
  return new Map([...byKey(records)].map(([key, list]) => [String(key), list.map((record) => record.value!)]));
}

describe("KafkaStreams killed and restarted", () => {
  it("exactly_once_v2, killed mid-stream: the transaction is aborted, state restored, every count exactly once", async () => {
    const [input, output, applicationId] = ["restart-eos-in", "restart-eos-out", "restart-eos"];
    await createTopics(kafka, { [input]: 3, [output]: 3 });
    await produceRecords(input, 0, HALF);
    const first = await startApp(applicationId, "exactly_once_v2", input, output);
    await waitUntilCommitted(kafka, applicationId, [input]);
    // The second half arrives while the application runs; it is killed while working through it.
    await produceRecords(input, HALF, HALF);
    await kill(first, "SIGKILL");
    // Killed right after the last batch was written: it had not committed all of it (its commit runs every 100 ms).
    const [committed] = await withAdmin(kafka, (admin) => admin.fetchOffsets({ groupId: applicationId, topics: [input] }));
    expect(committed!.partitions.reduce((sum, partition) => sum + Number(partition.offset), 0)).toBeLessThan(2 * HALF);

    const second = await startApp(applicationId, "exactly_once_v2", input, output);
    await waitUntilCommitted(kafka, applicationId, [input]);
    await kill(second, "SIGTERM");

    // kafkajs consumers read committed records only: aborted output of the killed instance is not seen.
    const records = await readTopic(kafka, output, (read) => read.length >= 2 * HALF, Serdes.Long());
    expect(countsByKey(records)).toEqual(uninterruptedCounts(2 * HALF));
  });

  it("at_least_once, killed after a commit: the restarted instance counts on from the restored store", async () => {
    const [input, output, applicationId] = ["restart-alos-in", "restart-alos-out", "restart-alos"];
    await createTopics(kafka, { [input]: 3, [output]: 3 });
    await produceRecords(input, 0, HALF);
    const first = await startApp(applicationId, "at_least_once", input, output);
    await waitUntilCommitted(kafka, applicationId, [input]);
    await kill(first, "SIGKILL");

    await produceRecords(input, HALF, HALF);
    const second = await startApp(applicationId, "at_least_once", input, output);
    await waitUntilCommitted(kafka, applicationId, [input]);
    await kill(second, "SIGTERM");

    const records = await readTopic(kafka, output, (read) => read.length >= 2 * HALF, Serdes.Long());
    // Without restoration the second instance would start again at 1 for every key.
    expect(countsByKey(records)).toEqual(uninterruptedCounts(2 * HALF));
  });
});
