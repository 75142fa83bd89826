// npm run bench:check — (1) save-to-verdict latency in watch mode with a warm cluster, for a passing and a
// failing version of each exercise; (2) a full `npm run check` over all reference solutions, cold cluster.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureCluster } from "../checker/cluster/provider.ts";
import { pollUntil } from "../checker/cluster/wait.ts";
import { loadExercises } from "../checker/runner/manifest.ts";
import { makeWorkspace } from "../test/support/workspace.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const CLI = (command: string) => ["--import", "tsx", `checker/cli/${command}.ts`];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const versions: Record<number, { passing: string; failing: string }> = {
  1: { passing: "solutions/01-create-topic.ts", failing: "test/fixtures/wrong-answers/01-create-topic.retention-in-seconds.ts" },
  2: { passing: "solutions/02-produce-and-consume.ts", failing: "test/fixtures/wrong-answers/02-produce-and-consume.no-key.ts" },
};

async function saveToVerdict(stateDir: string, exercise: number): Promise<{ passing: number[]; failing: number[] }> {
  const workspace = makeWorkspace();
  const child = spawn(process.execPath, [...CLI("exercise"), String(exercise), "--watch"], {
    env: { ...process.env, KAFKALINGS_STATE_DIR: stateDir, KAFKALINGS_WORKSPACE: workspace.root, CI: "true" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const count = (marker: string) => output.split(marker).length - 1;
  const timings = { passing: [] as number[], failing: [] as number[] };
  try {
    await pollUntil(() => output.includes("watching for saves"), { timeoutMs: 60_000, description: "the first verdict" });
    for (let round = 0; round < ROUNDS; round++) {
      for (const kind of ["failing", "passing"] as const) {
        const marker = kind === "passing" ? "✔ passed" : "✖ failing";
        const before = count(marker);
        const saved = performance.now();
        workspace.use(exercise, versions[exercise]![kind]);
        await pollUntil(() => count(marker) > before, { timeoutMs: 60_000, intervalMs: 5, description: `a ${kind} verdict` });
        timings[kind].push(performance.now() - saved);
      }
    }
  } finally {
    child.kill("SIGINT");
    rmSync(workspace.root, { recursive: true, force: true });
  }
  return timings;
}

const warmState = mkdtempSync(join(tmpdir(), "kafkalings-bench-check-"));
process.env.KAFKALINGS_STATE_DIR = warmState;
const { cluster } = await ensureCluster({ provider: "local" });
const rows: string[] = [];
try {
  for (const exercise of [1, 2]) {
    const { passing, failing } = await saveToVerdict(warmState, exercise);
    rows.push(`| ${exercise}. ${loadExercises()[exercise - 1]!.slug} | ${(median(passing) / 1000).toFixed(2)} s | ${(median(failing) / 1000).toFixed(2)} s |`);
    console.error(`exercise ${exercise}: passing ${passing.map((t) => t.toFixed(0)).join(", ")} ms; failing ${failing.map((t) => t.toFixed(0)).join(", ")} ms`);
  }
} finally {
  await cluster.stop();
}

const coldState = mkdtempSync(join(tmpdir(), "kafkalings-bench-check-"));
const solved = makeWorkspace();
for (const exercise of loadExercises()) solved.use(exercise.number, exercise.solution);
const started = performance.now();
const full = spawnSync(process.execPath, CLI("check"), { env: { ...process.env, KAFKALINGS_STATE_DIR: coldState, KAFKALINGS_WORKSPACE: solved.root, KAFKALINGS_PROVIDER: "local", CI: "true" }, encoding: "utf8" });
const fullSeconds = (performance.now() - started) / 1000;
rmSync(solved.root, { recursive: true, force: true });
if (full.status !== 0) throw new Error(`check over the solutions failed:\n${full.stdout}\n${full.stderr}`);

console.log(`Save-to-verdict in watch mode, warm cluster, median of ${ROUNDS} saves each:\n`);
console.log("| exercise | passing version | failing version |\n|---|---|---|");
for (const row of rows) console.log(row);
console.log(`\nFull \`npm run check\` over all ${loadExercises().length} reference solutions, cold cluster (start, grade, stop): ${fullSeconds.toFixed(1)} s`);
