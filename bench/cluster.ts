// npm run bench:cluster — per mode: cold start to ready (jars cached), a second `up` reusing it, peak RSS of
// the whole cluster, and a 6-partition topic create + 1,000-record round trip. Prints a Markdown table.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Kafka, logLevel } from "kafkajs";
import { createTopic } from "../checker/cluster/admin.ts";
import { ensureKafkaJars } from "../checker/cluster/local/jars.ts";
import { findMarkedProcesses, processMark } from "../checker/cluster/processes.ts";
import { pollUntil } from "../checker/cluster/wait.ts";

const MODES = ["zookeeper", "kraft"] as const;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

function cli(stateDir: string, ...args: string[]): { ms: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync(process.execPath, ["--import", "tsx", "checker/cli/cluster.ts", ...args], {
    env: { ...process.env, KAFKALINGS_STATE_DIR: stateDir, KAFKALINGS_PROVIDER: "local", CI: "true" },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`cluster ${args.join(" ")} failed:\n${result.stderr}`);
  return { ms: performance.now() - started, stdout: result.stdout };
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
for (const mode of MODES) {
  const cold: number[] = [];
  const reuse: number[] = [];
  const rss: number[] = [];
  const trips: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const stateDir = mkdtempSync(join(tmpdir(), "kafkalings-bench-"));
    try {
      cold.push(cli(stateDir, "up", "--mode", mode).ms);
      reuse.push(cli(stateDir, "up").ms);
      const bootstrap = /bootstrap servers: (\S+)/.exec(cli(stateDir, "up").stdout)![1]!.split(",");
      let peak = clusterRssMb(stateDir);
      const sampler = setInterval(() => (peak = Math.max(peak, clusterRssMb(stateDir))), 200);
      trips.push(await roundTrip(bootstrap, `${mode}-${run}`));
      clearInterval(sampler);
      rss.push(Math.max(peak, clusterRssMb(stateDir)));
    } finally {
      cli(stateDir, "down");
      rmSync(stateDir, { recursive: true, force: true });
    }
    console.error(`${mode} run ${run + 1}/${RUNS}: cold ${(cold.at(-1)! / 1000).toFixed(1)} s, reuse ${(reuse.at(-1)! / 1000).toFixed(2)} s, peak RSS ${rss.at(-1)!.toFixed(0)} MB, round trip ${(trips.at(-1)! / 1000).toFixed(2)} s`);
  }
  rows.push(
    `| local, ${mode} | ${(median(cold) / 1000).toFixed(1)} s | ${(median(reuse) / 1000).toFixed(2)} s | ${median(rss).toFixed(0)} MB (max ${Math.max(...rss).toFixed(0)}) | ${(median(trips) / 1000).toFixed(2)} s |`,
  );
}
console.log(`Median of ${RUNS} runs on ${process.platform}, Node ${process.version}:\n`);
console.log("| provider, mode | cold start to ready | second `up` (reuse) | peak RSS of the cluster | create 6×RF3 topic + 1,000-record round trip |");
console.log("|---|---|---|---|---|");
for (const row of rows) console.log(row);
