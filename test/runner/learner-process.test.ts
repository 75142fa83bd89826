// Graders can crash learner code on purpose and start it again: startLearnerCode's kill() (SIGKILL, like a
// crash), stop() (graceful, like the time limit), and the time limit itself, with no process left behind.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pollUntil } from "../../checker/cluster/wait.ts";
import { LearnerFailure, startLearnerCode, stopLearnerProcesses } from "../../checker/runner/sandbox.ts";
import { REPO } from "../support/paths.ts";

const FIXTURE = join(REPO, "test/fixtures/runner/resumable-learner.ts");
// The fixture never connects: any address will do.
const CONTEXT = { brokers: ["127.0.0.1:1"], runId: "learner-process-test" };

function start(dir: string, steps: number, timeLimitMs = 30_000) {
  return startLearnerCode<{ steps: number; pid: number }>({ modulePath: FIXTURE, exportName: "work", args: [dir, steps], context: CONTEXT, timeLimitMs });
}

function pidsIn(dir: string, file: string): number[] {
  const path = join(dir, file);
  return existsSync(path) ? [...new Set(readFileSync(path, "utf8").split("\n").filter(Boolean).map(Number))] : [];
}

function stepsIn(dir: string): number {
  const path = join(dir, "progress");
  return existsSync(path) ? readFileSync(path, "utf8").split("\n").filter(Boolean).length : 0;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const failureOf = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);

const ROOT = mkdtempSync(join(tmpdir(), "kafkalings-learner-process-"));
const freshDir = () => mkdtempSync(join(ROOT, "run-"));

afterAll(async () => {
  await stopLearnerProcesses();
  rmSync(ROOT, { recursive: true, force: true });
});

describe("a learner run a grader controls", () => {
  it("is killed mid-run like a crash (no exit handler runs), and a restart resumes and returns", async () => {
    const dir = freshDir();
    const first = start(dir, 60);
    await pollUntil(() => stepsIn(dir) >= 5, { timeoutMs: 20_000, intervalMs: 10, description: "the first run's progress" });
    await first.kill();
    const [killedPid] = pidsIn(dir, "progress");
    expect(isAlive(killedPid!)).toBe(false);
    const failure = await failureOf(first.result);
    expect(failure).toBeInstanceOf(LearnerFailure);
    expect(failure).toMatchObject({ kind: "killed", message: "work() was killed (SIGKILL) by the grader" });
    expect(pidsIn(dir, "exit-handler-ran")).not.toContain(killedPid);
    expect(stepsIn(dir)).toBeLessThan(60);

    const second = start(dir, 60);
    const { steps, pid } = await second.result;
    expect(steps).toBe(60);
    expect(pid).not.toBe(killedPid);
    expect(pidsIn(dir, "progress")).toEqual([killedPid, pid]);
    await second.kill(); // after the end: nothing to do
    await pollUntil(() => !isAlive(pid), { timeoutMs: 5_000, description: "the finished run's process to exit" });
  });

  it("stop() ends a run gracefully, so its exit handlers run", async () => {
    const dir = freshDir();
    const run = start(dir, 10_000);
    await pollUntil(() => stepsIn(dir) > 0, { timeoutMs: 20_000, intervalMs: 10, description: "the run's progress" });
    await run.stop();
    const [pid] = pidsIn(dir, "progress");
    expect(isAlive(pid!)).toBe(false);
    expect(pidsIn(dir, "exit-handler-ran")).toEqual([pid]);
    expect(await failureOf(run.result)).toMatchObject({ kind: "killed", message: "work() was stopped by the grader" });
  });

  it("still ends at the time limit when nobody kills it", async () => {
    const dir = freshDir();
    const run = start(dir, 10_000, 3_000);
    expect(await failureOf(run.result)).toMatchObject({ kind: "timeout" });
    const [pid] = pidsIn(dir, "progress");
    expect(pid).toBeDefined();
    expect(isAlive(pid!)).toBe(false);
  });
});
