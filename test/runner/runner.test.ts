// The learner's loop on a real cluster: grading verdicts, --json, watch mode, progress, hints, solutions,
// reset, clean-up after a run and after Ctrl+C mid-check, and the authors' self-check.
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Kafka, logLevel, type Admin } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KafkaCluster } from "../../checker/cluster/kafka-cluster.ts";
import { ensureCluster } from "../../checker/cluster/provider.ts";
import { pollUntil } from "../../checker/cluster/wait.ts";
import { sha256 } from "../../checker/runner/grade.ts";
import { loadExercises } from "../../checker/runner/manifest.ts";
import { casesOf } from "../../checker/runner/self-check.ts";
import { collect, runCli, spawnCli } from "../support/cli.ts";
import { isolatedStateDir } from "../support/paths.ts";
import { learnerProcesses } from "../support/processes.ts";
import { KEY, openTerminal } from "../support/terminal.ts";
import { makeWorkspace, type Workspace } from "../support/workspace.ts";

let cluster: KafkaCluster;
let admin: Admin;
let stateDir: string;

beforeAll(async () => {
  stateDir = isolatedStateDir("runner");
  process.env.KAFKALINGS_STATE_DIR = stateDir;
  ({ cluster } = await ensureCluster({ provider: "local" }));
  admin = new Kafka({ ...cluster.clientConfig("runner-test"), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
});

afterAll(async () => {
  await admin?.disconnect();
  await cluster?.stop();
});

function cli(workspace: Workspace, command: string, args: string[]) {
  return runCli(command, args, { KAFKALINGS_STATE_DIR: stateDir, KAFKALINGS_WORKSPACE: workspace.root });
}

interface JsonResults {
  results: { number: number; slug: string; status: string; message: string; assertions: { status: string; message: string; expected?: unknown; actual?: unknown }[]; learnerError?: { location?: string; kind: string } }[];
  summary: Record<string, number>;
}

async function checkJson(workspace: Workspace, exercise: number): Promise<JsonResults["results"][number]> {
  const result = await cli(workspace, "check", [String(exercise), "--json"]);
  return (JSON.parse(result.stdout) as JsonResults).results[0]!;
}

async function leftovers(): Promise<{ topics: string[]; groups: string[] }> {
  const topics = (await admin.listTopics()).filter((name) => name.startsWith("kl-"));
  const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((id) => id.startsWith("kl-") || id.startsWith("kafkalings-snapshot"));
  return { topics, groups };
}

describe("grading", () => {
  it("says 'not started' for an untouched stub, without running it", async () => {
    const result = await checkJson(makeWorkspace(), 1);
    expect(result).toMatchObject({ status: "not-started", message: "Not started yet: open exercises/01-create-topic.ts and replace its TODOs." });
  });

  it("passes the reference solution, and `check` exits 0 only when everything passes", async () => {
    const workspace = makeWorkspace();
    workspace.use(1, "solutions/01-create-topic.ts");
    const one = await cli(workspace, "check", ["1"]);
    expect(one.code, one.stdout + one.stderr).toBe(0);
    expect(one.stdout).toContain("All exercises pass.");
    const all = await cli(workspace, "check", ["--json"]);
    expect(all.code).toBe(1);
    expect((JSON.parse(all.stdout) as JsonResults).summary).toMatchObject({ total: loadExercises().length, passed: 1, "not-started": loadExercises().length - 1 });
  });

  it("fails a typical wrong answer with expected and actual in --json, and leaves no topic or group behind", async () => {
    const workspace = makeWorkspace();
    workspace.use(1, "test/fixtures/wrong-answers/01-create-topic.retention-in-seconds.ts");
    const result = await checkJson(workspace, 1);
    expect(result.status).toBe("failed");
    expect(result.message).toBe("retention.ms is 3 days in milliseconds");
    expect(result.assertions).toContainEqual({ status: "failed", message: "retention.ms is 3 days in milliseconds", expected: "259200000", actual: "259200" });
    expect(result.assertions.filter((a) => a.status === "passed").map((a) => a.message)).toContain("the topic has 6 partitions");
    expect(await leftovers()).toEqual({ topics: [], groups: [] });
    await pollUntil(() => learnerProcesses().length === 0, { timeoutMs: 10_000, description: "no learner process left after the run" });
  });

  it("shows a thrown error at the learner's own file and line, without a stack trace", async () => {
    const workspace = makeWorkspace();
    workspace.write(1, `export async function createInventoryTopic() {\n  const answer = 41;\n  throw new Error("not yet " + answer);\n}\n`);
    const result = await cli(workspace, "exercise", ["1"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("Your code threw: Error: not yet 41");
    expect(result.stdout).toContain("at exercises/01-create-topic.ts:3:9");
    expect(result.stdout).toContain('│ throw new Error("not yet " + answer);');
    expect(result.stdout + result.stderr).not.toMatch(/node_modules|checker\/runner/);
  });

  it("reports a syntax error with its line instead of crashing", async () => {
    const workspace = makeWorkspace();
    workspace.write(1, `export async function createInventoryTopic() {\n  const x = ;\n}\n`);
    const result = await checkJson(workspace, 1);
    expect(result.status).toBe("error");
    expect(result.learnerError).toMatchObject({ kind: "syntax", location: "exercises/01-create-topic.ts:2:13" });
  });

  it("stops code that hangs (an endless loop) at the exercise's time limit", async () => {
    const workspace = makeWorkspace();
    workspace.write(1, `export async function createInventoryTopic() {\n  for (;;) {}\n}\n`);
    const started = Date.now();
    const result = await checkJson(workspace, 1);
    expect(result.status).toBe("timeout");
    expect(result.message).toMatch(/^createInventoryTopic\(\) did not finish within 20 s; it was stopped/);
    expect(Date.now() - started).toBeLessThan(40_000);
  });

  it("says so when the learner's promise can never settle", async () => {
    const workspace = makeWorkspace();
    workspace.write(1, `export async function createInventoryTopic() {\n  await new Promise(() => {});\n}\n`);
    const result = await checkJson(workspace, 1);
    expect(result).toMatchObject({ status: "error", message: "createInventoryTopic() returned a promise that never settles: nothing was left to wait for (a resolve() that is never called?)" });
  });
});

describe("watch mode", () => {
  it("re-grades on every save", async () => {
    const workspace = makeWorkspace();
    const child = spawnCli("exercise", ["1", "--watch"], { KAFKALINGS_STATE_DIR: stateDir, KAFKALINGS_WORKSPACE: workspace.root });
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const done = collect(child);
    try {
      await pollUntil(() => output.includes("○ not started") && output.includes("watching for saves"), { timeoutMs: 30_000, description: "the first verdict" });
      workspace.use(1, "test/fixtures/wrong-answers/01-create-topic.default-replication.ts");
      await pollUntil(() => output.includes("✖ failing"), { timeoutMs: 30_000, description: "a failing verdict after the first save" });
      expect(output).toContain("✖ every partition has 3 replicas (replication factor 3)");
      workspace.use(1, "solutions/01-create-topic.ts");
      await pollUntil(() => output.includes("✔ passed"), { timeoutMs: 30_000, description: "a passing verdict after the second save" });
    } finally {
      child.kill("SIGINT");
      await done;
    }
  });

  it("answers single keys in a terminal (h, l, x then n, n, q) and restores the terminal on quit", async () => {
    const workspace = makeWorkspace();
    // `stty -a` after the command shows the terminal's modes once watch mode has quit.
    const terminal = openTerminal(`${process.execPath} --import tsx checker/cli/exercise.ts 1; stty -a`, { KAFKALINGS_STATE_DIR: stateDir, KAFKALINGS_WORKSPACE: workspace.root });
    await terminal.waitFor("h hint · n next", 60_000);
    await terminal.press("h", /Hint 1\/3 · Nudge/);
    await terminal.press("l", /Publish purchases and read them back from the beginning/);
    await terminal.press("x", /Reset exercises\/01-create-topic\.ts to the original stub\? .*\(y\/n\)/);
    await terminal.press("n", /Not reset\./);
    await terminal.press("n", /Exercise 2: Publish purchases and read them back from the beginning/);
    await terminal.press("q", /speed \d+ baud/);
    await terminal.closed;
    const modes = terminal.screen().slice(terminal.screen().lastIndexOf("speed"));
    expect(modes).toMatch(/(^|\s)icanon(\s|$)/);
    expect(modes).toMatch(/(^|\s)echo(\s|$)/);
  });
});

describe("the home screen", () => {
  it("shows progress by CCDAK domain and a menu that runs the chosen command, on the session's cluster", async () => {
    const workspace = makeWorkspace();
    workspace.use(1, "solutions/01-create-topic.ts");
    await cli(workspace, "check", ["1"]);
    const terminal = openTerminal(`${process.execPath} --import tsx checker/cli/home.ts`, { KAFKALINGS_STATE_DIR: stateDir, KAFKALINGS_WORKSPACE: workspace.root });
    const fundamentals = loadExercises().filter((e) => e.domain === "Fundamentals").length;
    await terminal.waitFor(new RegExp(`Fundamentals\\s+23% of the exam\\s+█+░* 1/${fundamentals} exercises`), 60_000);
    await terminal.waitFor("Continue: exercise 2 — Publish purchases and read them back from the beginning");
    await terminal.press(KEY.down.repeat(3) + KEY.enter, /controller\s+broker [123]/);
    await terminal.press(KEY.up + KEY.enter, /What next\? Quit/);
    await terminal.closed;
    expect(terminal.screen()).toMatch(/broker 1\s+127\.0\.0\.1:\d+\s+up/);
  });
});

describe("progress, hints, solutions and reset", () => {
  it("records attempts and passes across restarts, and sets a corrupt progress file aside with a notice", async () => {
    const workspace = makeWorkspace();
    workspace.use(1, "test/fixtures/wrong-answers/01-create-topic.default-replication.ts");
    await cli(workspace, "check", ["1"]);
    workspace.use(1, "solutions/01-create-topic.ts");
    await cli(workspace, "check", ["1"]);
    const file = join(workspace.root, ".kafkalings-progress.json");
    const saved = JSON.parse(readFileSync(file, "utf8"));
    expect(saved).toMatchObject({ format: "kafkalings-progress", version: 1, exercises: { "create-topic": { status: "passed", attempts: 2 } } });
    expect(saved.exercises["create-topic"].firstPassedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const list = await cli(workspace, "list", []);
    expect(list.stdout).toMatch(/Create a topic with the Admin API.*✔ passed/);

    writeFileSync(file, "{ not json");
    const after = await cli(workspace, "list", []);
    expect(after.stderr).toMatch(/Your progress file .* was unreadable \(not valid JSON\); it is kept as .*\.bak-\d+ and a fresh one was started\./);
    expect(readdirSync(workspace.root).some((name) => name.startsWith(".kafkalings-progress.json.bak-"))).toBe(true);
  });

  it("reveals hints one level at a time and records them", async () => {
    const workspace = makeWorkspace();
    const first = await cli(workspace, "hint", ["1"]);
    expect(first.stdout).toContain("Hint 1/3 · Nudge");
    expect(first.stdout).not.toContain("Hint 2/3");
    const second = await cli(workspace, "hint", ["create-topic"]);
    expect(second.stdout).toContain("Hint 2/3 · Concept");
    expect(second.stdout).toContain("read: https://kafka.js.org/docs/admin#create-topics");
    expect(JSON.parse(readFileSync(join(workspace.root, ".kafkalings-progress.json"), "utf8")).exercises["create-topic"].hintsUsed).toBe(2);
  });

  it("refuses the solution before a pass, and shows it as a diff after one (or after a confirmed give-up)", async () => {
    const workspace = makeWorkspace();
    const refused = await cli(workspace, "solution", ["2"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("✖ The solution to exercise 2 opens once it passes.");
    const unconfirmed = await cli(workspace, "solution", ["2", "--give-up"]);
    expect(unconfirmed.stderr).toContain("fix: add --yes to confirm");
    const givenUp = await cli(workspace, "solution", ["2", "--give-up", "--yes"]);
    expect(givenUp.code).toBe(0);
    expect(givenUp.stdout).toContain("Reference solution: solutions/02-produce-and-consume.ts");
    expect(givenUp.stdout).toContain("+     await consumer.subscribe({ topic: ctx.topic(\"purchases\"), fromBeginning: true });");
  });

  it("resets to the pristine stub after confirmation and keeps the learner's version as a backup", async () => {
    const workspace = makeWorkspace();
    const mine = "// my own attempt\nexport async function createInventoryTopic() {}\n";
    workspace.write(1, mine);
    const refused = await cli(workspace, "reset", ["1"]);
    expect(refused.code).toBe(1);
    expect(readFileSync(workspace.file(1), "utf8")).toBe(mine);
    const reset = await cli(workspace, "reset", ["1", "--yes"]);
    expect(reset.code, reset.stderr).toBe(0);
    expect(sha256(readFileSync(workspace.file(1), "utf8"))).toBe(loadExercises()[0]!.stubSha256);
    const backup = /kept as (\S+)/.exec(reset.stdout)![1]!;
    expect(readFileSync(backup, "utf8")).toBe(mine);

    workspace.use(2, "solutions/02-produce-and-consume.ts");
    const all = await cli(workspace, "reset", ["--all", "--yes"]);
    expect(all.stdout.match(/^reset exercises\//gm)).toHaveLength(loadExercises().length);
    expect(sha256(readFileSync(workspace.file(2), "utf8"))).toBe(loadExercises()[1]!.stubSha256);
  });
});

describe("Ctrl+C in the middle of a check", () => {
  it("stops the learner's process, deletes the run's topics and groups, and leaves the shared cluster up", async () => {
    const workspace = makeWorkspace();
    workspace.use(2, "test/fixtures/wrong-answers/02-produce-and-consume.not-from-beginning.ts");
    const child = spawnCli("check", ["2"], { KAFKALINGS_STATE_DIR: stateDir, KAFKALINGS_WORKSPACE: workspace.root });
    const done = collect(child);
    // The reader hangs (it joined its group and waits for records written before it joined): interrupt while it does.
    await pollUntil(
      async () => {
        const group = (await leftovers()).groups.find((id) => id.endsWith("purchase-readers"));
        return group !== undefined && (await admin.describeGroups([group])).groups[0]?.state === "Stable";
      },
      { timeoutMs: 30_000, description: "the learner's consumer to have joined its group" },
    );
    child.kill("SIGINT");
    const result = await done;
    expect(result.code).toBe(130);
    await pollUntil(async () => JSON.stringify(await leftovers()) === JSON.stringify({ topics: [], groups: [] }), { timeoutMs: 15_000, description: "no topics or groups of the run" });
    await pollUntil(() => learnerProcesses().length === 0, { timeoutMs: 10_000, description: "no learner process left" });
    expect((await cluster.brokers()).every((b) => b.up)).toBe(true);
  });
});

describe("dev:check", () => {
  // One exercise per test, so a failure names its exercise and each gets its own time budget.
  it.each(loadExercises().map((e) => [`${e.number}. ${e.slug}`, e] as const))(
    "%s: the stub fails, the solution passes and every wrong answer fails as intended",
    async (_, exercise) => {
      const result = await runCli("dev:check", [String(exercise.number)], { KAFKALINGS_STATE_DIR: stateDir });
      expect(result.code, result.stdout).toBe(0);
      expect(result.stdout).toContain("Every stub fails, every solution passes, every wrong answer fails as intended.");
      expect(result.stdout.match(/^✔ /gm)).toHaveLength(casesOf(exercise).length);
      expect(casesOf(exercise).filter((c) => c.kind === "wrong-answer").length).toBeGreaterThanOrEqual(2);
      expect(existsSync(join(stateDir, "cluster.json"))).toBe(true);
    },
    600_000,
  );
});
