// Runs one export of a learner's file in a child process, with a time limit.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { ContextSettings } from "../context.ts";
import type { LearnerErrorInfo, RunReply, RunRequest } from "./protocol.ts";

const CHILD = fileURLToPath(new URL("./child.ts", import.meta.url));

/** The learner's code did not return normally: it threw, did not compile, hung, or crashed. */
export class LearnerFailure extends Error {
  override name = "LearnerFailure";
  constructor(
    readonly kind: LearnerErrorInfo["kind"] | "timeout" | "crashed" | "killed",
    message: string,
    readonly info?: LearnerErrorInfo,
  ) {
    super(message);
  }
}

export interface RunOptions {
  modulePath: string;
  exportName: string;
  args?: unknown[];
  context: ContextSettings;
  timeLimitMs: number;
  /** Runs the export through this module of ours (see RunRequest.harness). */
  harness?: string;
}

type Child = ReturnType<typeof fork>;

const running = new Set<Child>();
/** One child kept started ahead of need: booting Node with tsx costs about half a second per run. */
let spare: Child | undefined;

function forkChild(): Child {
  const child = fork(CHILD, [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    env: { ...process.env, KAFKAJS_NO_PARTITIONER_WARNING: "1" },
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  // A spare must never keep the runner alive.
  child.unref();
  child.channel?.unref();
  return child;
}

function takeChild(): Child {
  const child = spare && spare.exitCode === null && spare.connected ? spare : forkChild();
  spare = forkChild();
  child.ref();
  child.channel?.ref();
  return child;
}

/** Stops every learner process still running, and the spare (Ctrl+C mid-check, or the end of a run). */
export async function stopLearnerProcesses(): Promise<void> {
  spare = undefined;
  await Promise.all([...running].map((child) => stopChild(child)));
}

/** Time a learner process gets to disconnect its clients before it is killed. */
const GRACE_MS = 3_500;

/**
 * SIGTERM first: the child then disconnects the learner's kafkajs clients, so a consumer leaves its group at once
 * instead of lingering as a member for its session timeout (which would keep the run's group from being deleted).
 * Code stuck in an endless loop cannot react, so SIGKILL follows after a grace period.
 */
async function stopChild(child: Child): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), GRACE_MS);
  await exited;
  clearTimeout(timer);
}

/** A learner's function running in its own process, started by a grader that may crash it on purpose. */
export interface LearnerRun<T> {
  /**
   * What the function returned. Rejects with a LearnerFailure when it threw, hung past the time limit, crashed,
   * or was ended by kill() or stop() (kind "killed": a grader that ended the run itself need not await this).
   */
  readonly result: Promise<T>;
  /** Crashes the process at once (SIGKILL): no disconnect, no group leave, no transaction abort. Resolves once it is gone. */
  kill(): Promise<void>;
  /** Ends the process the way a time limit does: its clients disconnect first (SIGTERM, then SIGKILL). */
  stop(): Promise<void>;
}

function killChild(child: Child): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGKILL");
  return exited;
}

export function startLearnerCode<T = unknown>(options: RunOptions): LearnerRun<T> {
  const child = takeChild();
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  let settle!: { resolve: (value: T) => void; reject: (failure: LearnerFailure) => void };
  const result = new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
  // Whoever ended the run on purpose may never look at its result.
  result.catch(() => undefined);
  let ended: Promise<void> | undefined;
  /** The first outcome wins: ends the process (gracefully unless told otherwise), then settles the result. */
  const finish = (outcome: () => void, end: (child: Child) => Promise<void> = stopChild): Promise<void> => {
    if (!ended) {
      clearTimeout(timer);
      ended = end(child).then(outcome);
    }
    return ended;
  };
  const killed = (how: string) => () => settle.reject(new LearnerFailure("killed", `${options.exportName}() was ${how} by the grader`));
  const timer = setTimeout(
    () => finish(() => settle.reject(new LearnerFailure("timeout", `${options.exportName}() did not finish within ${options.timeLimitMs / 1000} s; it was stopped (is something waiting forever, e.g. a consumer that never disconnects?)`))),
    options.timeLimitMs,
  );
  child.once("message", (reply: RunReply) =>
    finish(() => (reply.ok ? settle.resolve(reply.value as T) : settle.reject(new LearnerFailure(reply.error.kind, reply.error.message, reply.error)))),
  );
  child.once("exit", (code, signal) =>
    finish(() => settle.reject(new LearnerFailure("crashed", `your code ended the process (${signal ?? `exit code ${code}`}) before returning${output ? `; it printed:\n${output.trim().split("\n").slice(-10).join("\n")}` : ""}`))),
  );
  const request: RunRequest = { modulePath: options.modulePath, exportName: options.exportName, args: options.args ?? [], context: options.context, harness: options.harness };
  child.send(request);
  return { result, kill: () => finish(killed("killed (SIGKILL)"), killChild), stop: () => finish(killed("stopped")) };
}

export function runLearnerCode<T = unknown>(options: RunOptions): Promise<T> {
  return startLearnerCode<T>(options).result;
}
