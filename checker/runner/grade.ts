// Grades one exercise on the real cluster: an isolated run namespace, the learner's code in a child
// process, the grader's assertions, a snapshot of the cluster on failure, and clean-up in every case.
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { Kafka, logLevel, type Admin } from "kafkajs";
import type { KafkaCluster } from "../cluster/kafka-cluster.ts";
import { namespaced, type ContextSettings } from "../context.ts";
import type { Exercise } from "./manifest.ts";
import { fromRoot, inWorkspace } from "./paths.ts";
import type { AssertionResult, ExerciseResult } from "./results.ts";
import { LearnerFailure, startLearnerCode, type LearnerRun } from "./sandbox.ts";
import { cleanUpRun, takeSnapshot, type ClusterSnapshot } from "./snapshot.ts";

export interface GradeContext {
  readonly cluster: KafkaCluster;
  /** A connected admin client for arranging and inspecting. */
  readonly admin: Admin;
  readonly kafka: Kafka;
  topic(name: string): string;
  groupId(name: string): string;
  /** Runs an export of the learner's file; if it throws, hangs or does not compile, grading stops there. */
  learner<T = unknown>(exportName: string, ...args: unknown[]): Promise<T>;
  /**
   * Starts an export of the learner's file and returns at once, so the grader can act while it runs — e.g. kill
   * its process mid-run like a crash, then start it again. Awaiting `result` works as t.learner does. Runs still
   * going when the grader returns are stopped before clean-up.
   */
  startLearner<T = unknown>(exportName: string, ...args: unknown[]): LearnerRun<T>;
  /**
   * Runs an export of the learner's file through a harness of ours, in the learner's process with its time limit:
   * the harness module's default export gets the export, the context and the args (e.g. it builds a Kafka Streams
   * topology with the learner's function and drives it). Errors point at the learner's file as with t.learner.
   */
  learnerVia<T = unknown>(harness: string, exportName: string, ...args: unknown[]): Promise<T>;
  /** The learner's file and what its code runs with, for a grader that runs the file itself (e.g. with vitest). */
  readonly learnerFile: LearnerFile;
  /** Records an assertion; returns whether it held, so a grader can stop early. */
  expectEqual(message: string, expected: unknown, actual: unknown): boolean;
  expectTrue(message: string, condition: boolean, detail?: { expected?: unknown; actual?: unknown }): boolean;
}

export type Grader = (context: GradeContext) => Promise<void>;

export interface LearnerFile {
  /** The stub in the learner's workspace, or the solution or wrong answer that dev:check grades. */
  path: string;
  context: ContextSettings;
  timeLimitMs: number;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function isUntouched(exercise: Exercise, modulePath = inWorkspace(exercise.stub)): boolean {
  return sha256(readFileSync(modulePath, "utf8")) === exercise.stubSha256;
}

function isDeepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface GradeOptions {
  /** Grade this file instead of the learner's stub (dev:check grades solutions and wrong answers). */
  modulePath?: string;
  /**
   * When given, the verdict is returned at once, without its snapshot; the snapshot (of a run that did not pass)
   * and the clean-up of the run's topics and groups follow and are handed over here. Whoever passes this must
   * await `cleanup` before the next grade. Without it, grading waits for both.
   */
  afterVerdict?: (later: AfterVerdict) => void;
}

export interface AfterVerdict {
  snapshot: Promise<ClusterSnapshot | undefined>;
  cleanup: Promise<void>;
}

export async function gradeExercise(exercise: Exercise, cluster: KafkaCluster, options: GradeOptions = {}): Promise<ExerciseResult> {
  const started = Date.now();
  const modulePath = options.modulePath ?? inWorkspace(exercise.stub);
  const base = { number: exercise.number, slug: exercise.slug };
  const elapsed = () => Date.now() - started;
  if (!options.modulePath && isUntouched(exercise, modulePath)) {
    return { ...base, status: "not-started", message: `Not started yet: open ${exercise.stub} and replace its TODOs.`, assertions: [], durationMs: elapsed() };
  }
  const runId = randomBytes(4).toString("hex");
  const prefix = namespaced(runId, "");
  const kafka = new Kafka({ ...cluster.clientConfig(`kafkalings-grader-${runId}`), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const assertions: AssertionResult[] = [];
  const record = (message: string, passed: boolean, detail: { expected?: unknown; actual?: unknown } = {}) => {
    assertions.push({ status: passed ? "passed" : "failed", message, ...detail });
    return passed;
  };
  const learnerFile: LearnerFile = {
    path: modulePath,
    context: { brokers: cluster.bootstrapServers, runId, client: clientExtras(cluster) },
    timeLimitMs: exercise.timeLimitSeconds * 1000,
  };
  const runs: LearnerRun<unknown>[] = [];
  const startLearner = <T>(exportName: string, ...args: unknown[]): LearnerRun<T> => startLearnerThrough<T>(undefined, exportName, args);
  const startLearnerThrough = <T>(harness: string | undefined, exportName: string, args: unknown[]): LearnerRun<T> => {
    const run = startLearnerCode<T>({ modulePath, exportName, args, context: learnerFile.context, timeLimitMs: learnerFile.timeLimitMs, harness });
    runs.push(run);
    return run;
  };
  const context: GradeContext = {
    cluster,
    admin,
    kafka,
    topic: (name) => namespaced(runId, name),
    groupId: (name) => namespaced(runId, name),
    learner: <T>(exportName: string, ...args: unknown[]) => startLearner<T>(exportName, ...args).result,
    startLearner,
    learnerVia: <T>(harness: string, exportName: string, ...args: unknown[]) => startLearnerThrough<T>(fromRoot(harness), exportName, args).result,
    learnerFile,
    expectEqual: (message, expected, actual) => record(message, isDeepEqual(expected, actual), { expected, actual }),
    expectTrue: (message, condition, detail) => record(message, condition, detail),
  };
  await admin.connect();
  let verdict: Omit<ExerciseResult, "snapshot"> | undefined;
  try {
    const grader = (await import(pathToFileURL(fromRoot(exercise.grader)).href)) as { default: Grader };
    let outcome: Pick<ExerciseResult, "status" | "message" | "learnerError">;
    try {
      await grader.default(context);
      const failed = assertions.filter((a) => a.status === "failed");
      outcome =
        assertions.length === 0
          ? { status: "error", message: "The grader checked nothing (a bug in kafkalings, please report it)." }
          : failed.length === 0
            ? { status: "passed", message: `All ${assertions.length} checks passed.` }
            : { status: "failed", message: failed[0]!.message };
    } catch (error) {
      if (!(error instanceof LearnerFailure)) throw error;
      outcome = { status: error.kind === "timeout" ? "timeout" : "error", message: error.message, learnerError: error.info };
    }
    verdict = { ...base, ...outcome, assertions, durationMs: elapsed() };
  } finally {
    // Runs whether the grader finished or failed: learner processes it left running are stopped (their consumers
    // leave their groups), then the snapshot (if the run did not pass), then the clean-up.
    const stopped = Promise.all(runs.map((run) => run.stop()));
    const snapshot = stopped.then(() => (verdict && verdict.status !== "passed" ? takeSnapshot(kafka, admin, prefix).catch(() => undefined) : undefined));
    const cleanup = snapshot
      .then(() => cleanUpRun(admin, prefix))
      .catch(() => undefined)
      .finally(() => admin.disconnect());
    if (verdict && options.afterVerdict) options.afterVerdict({ snapshot, cleanup });
    else {
      await cleanup;
      if (verdict) verdict = { ...verdict, snapshot: await snapshot } as ExerciseResult;
    }
  }
  return verdict;
}

function clientExtras(cluster: KafkaCluster) {
  const { ssl, sasl } = cluster.clientConfig();
  return ssl || sasl ? { ssl, sasl } : undefined;
}
