// npm run bench:cluster — per provider and mode: cold start to ready (jars cached, images present), a second `up`
// reusing it, peak memory of the whole cluster (RSS of the JVMs; the containers' usage for docker), and a 6-partition
// topic create + 1,000-record round trip. Prints a Markdown table. The docker provider is measured when an engine
// answers and has the images (npm run images:build, with KAFKALINGS_*_IMAGE naming them).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Kafka, logLevel } from "kafkajs";
import { createTopic } from "../checker/cluster/admin.ts";
import { ensureKafkaJars } from "../checker/cluster/local/jars.ts";
import { probeDockerEngine } from "../checker/cluster/docker/docker-engine.ts";
import { findMarkedProcesses, processMark } from "../checker/cluster/processes.ts";
import { pollUntil } from "../checker/cluster/wait.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

interface Target {
  provider: "local" | "docker";
  mode: "zookeeper" | "kraft";
}

const probe = await probeDockerEngine();
const TARGETS: Target[] = [
  { provider: "local", mode: "zookeeper" },
  { provider: "local", mode: "kraft" },
  ...(probe.reachable && Object.values(probe.images).every(Boolean) ? [{ provider: "docker", mode: "zookeeper" } as const] : []),
];
if (TARGETS.length === 2) console.error("docker provider not measured: no engine answers, or its images are missing (npm run images:build)");

function cli(target: Target, stateDir: string, ...args: string[]): { ms: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync(process.execPath, ["--import", "tsx", "checker/cli/cluster.ts", ...args], {
    env: { ...process.env, KAFKALINGS_STATE_DIR: stateDir, KAFKALINGS_PROVIDER: target.provider, CI: "true" },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`cluster ${args.join(" ")} failed:\n${result.stderr}`);
  return { ms: performance.now() - started, stdout: result.stdout };
}

/** Memory in use by every kafkalings container (the bench runs one cluster at a time), as `docker stats` reports it. */
function containersMb(): number {
  const ids = execFileSync("docker", ["ps", "-q", "--filter", "label=kafkalings.cluster"], { encoding: "utf8" }).split("\n").filter(Boolean);
  if (ids.length === 0) return 0;
  const units: Record<string, number> = { B: 1 / 1024 ** 2, KiB: 1 / 1024, MiB: 1, GiB: 1024 };
  return execFileSync("docker", ["stats", "--no-stream", "--format", "{{.MemUsage}}", ...ids], { encoding: "utf8" })
    .split("\n")
    .map((line) => /^([\d.]+)(B|KiB|MiB|GiB)/.exec(line))
    .reduce((sum, match) => sum + (match ? Number(match[1]) * units[match[2]!]! : 0), 0);
}

function clusterMemoryMb(target: Target, stateDir: string): number {
  return target.provider === "docker" ? containersMb() : clusterRssMb(stateDir);
}

function clusterRssMb(stateDir: string): number {
  const pids = findMarkedProcesses(processMark(stateDir));
  if (pids.length === 0) return 0;
  const kb = execFileSync("ps", ["-o", "rss=", "-p", pids.join(",")], { encoding: "utf8" })
    .split("\n")
    .reduce((sum, line) => sum + (Number.parseInt(line, 10) || 0), 0);
  return kb / 1024;
}

async function roundTrip(bootstrap: string[], runId: string): Promise<number> {
  const kafka = new Kafka({ clientId: "bench", brokers: bootstrap, logLevel: logLevel.NOTHING });
  const started = performance.now();
  const admin = kafka.admin();
  await admin.connect();
  await createTopic(admin, { topic: `bench-${runId}`, numPartitions: 6, replicationFactor: 3 });
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  const messages = Array.from({ length: 1000 }, (_, i) => ({ key: `k${i % 50}`, value: `v${i}` }));
  await producer.send({ topic: `bench-${runId}`, acks: -1, messages });
  await producer.disconnect();
  const consumer = kafka.consumer({ groupId: `bench-${runId}` });
  await consumer.connect();
  await consumer.subscribe({ topic: `bench-${runId}`, fromBeginning: true });
  let received = 0;
  await consumer.run({ eachMessage: async () => void received++ });
  await pollUntil(() => received >= 1000, { timeoutMs: 60_000, intervalMs: 10, description: "1,000 records back" });
  const elapsed = performance.now() - started;
  await consumer.disconnect();
  return elapsed;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

await ensureKafkaJars((step) => console.error(step));
const rows: string[] = [];
for (const target of TARGETS) {
  const label = `${target.provider}, ${target.mode}`;
  const cold: number[] = [];
  const reuse: number[] = [];
  const memory: number[] = [];
  const trips: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const stateDir = mkdtempSync(join(tmpdir(), "kafkalings-bench-"));
    try {
      cold.push(cli(target, stateDir, "up", "--mode", target.mode).ms);
      reuse.push(cli(target, stateDir, "up").ms);
      const bootstrap = /bootstrap servers: (\S+)/.exec(cli(target, stateDir, "up").stdout)![1]!.split(",");
      let peak = clusterMemoryMb(target, stateDir);
      // docker stats takes a second or two per call, so sampling is a loop rather than a timer.
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          peak = Math.max(peak, clusterMemoryMb(target, stateDir));
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      })();
      trips.push(await roundTrip(bootstrap, `${target.provider}-${target.mode}-${run}`));
      sampling = false;
      await sampler;
      memory.push(Math.max(peak, clusterMemoryMb(target, stateDir)));
    } finally {
      cli(target, stateDir, "down");
      rmSync(stateDir, { recursive: true, force: true });
    }
    console.error(`${label} run ${run + 1}/${RUNS}: cold ${(cold.at(-1)! / 1000).toFixed(1)} s, reuse ${(reuse.at(-1)! / 1000).toFixed(2)} s, peak memory ${memory.at(-1)!.toFixed(0)} MB, round trip ${(trips.at(-1)! / 1000).toFixed(2)} s`);
  }
  rows.push(
    `| ${label} | ${(median(cold) / 1000).toFixed(1)} s | ${(median(reuse) / 1000).toFixed(2)} s | ${median(memory).toFixed(0)} MB (max ${Math.max(...memory).toFixed(0)}) | ${(median(trips) / 1000).toFixed(2)} s |`,
  );
}
console.log(`Median of ${RUNS} runs on ${process.platform}, Node ${process.version}:\n`);
console.log("| provider, mode | cold start to ready | second `up` (reuse) | peak memory of the cluster | create 6×RF3 topic + 1,000-record round trip |");
console.log("|---|---|---|---|---|");
for (const row of rows) console.log(row);
