// Runs a learner's vitest test file once per variant of the code under test, all in one vitest run: a small
// harness file per variant sets the environment the test reads, then imports the learner's file.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { relativeToWorkspace } from "./paths.ts";
import type { LearnerErrorInfo } from "./protocol.ts";

const VITEST_CLI = join(dirname(createRequire(import.meta.url).resolve("vitest/package.json")), "vitest.mjs");

export interface TestFileRun {
  file: string;
  /** Variant name → the environment variables that run of the file gets. */
  variants: Record<string, Record<string, string>>;
  /** For the whole vitest run. */
  timeLimitMs: number;
  /** For each test. */
  testTimeoutMs: number;
}

export interface VariantOutcome {
  /** "broken": the file itself failed (it did not compile, or threw while vitest collected its tests). */
  status: "passed" | "failed" | "no-tests" | "broken";
  /** The first failure: the first line of its message, and where it happened in the learner's file. */
  failure?: string;
  /** Why a broken file failed, as the sandbox reports a learner's error. */
  error?: LearnerErrorInfo;
}

/** The parts of vitest's JSON report that we read. */
interface JsonReport {
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { status: string; failureMessages?: string[] }[];
  }[];
}

export async function runTestFile(run: TestFileRun): Promise<Record<string, VariantOutcome>> {
  const dir = mkdtempSync(join(tmpdir(), "kafkalings-test-run-"));
  try {
    for (const [variant, env] of Object.entries(run.variants)) {
      writeFileSync(join(dir, `${variant}.test.ts`), `Object.assign(process.env, ${JSON.stringify(env)});\nawait import(${JSON.stringify(run.file)});\n`);
    }
    const report = join(dir, "report.json");
    const test = { include: ["*.test.ts"], testTimeout: run.testTimeoutMs, hookTimeout: run.testTimeoutMs, reporters: ["json"], outputFile: report, watch: false };
    // The tests mostly wait on the cluster: a few worker threads run them side by side, cheaper than a process each.
    const config = { test: { ...test, pool: "threads", maxWorkers: 3 }, cacheDir: join(dir, ".vite") };
    writeFileSync(join(dir, "vitest.config.mjs"), `export default ${JSON.stringify(config)};\n`);
    const output = await runVitest(dir, run.timeLimitMs);
    const results = existsSync(report) ? (JSON.parse(readFileSync(report, "utf8")) as JsonReport).testResults : [];
    return Object.fromEntries(
      Object.keys(run.variants).map((variant) => {
        const result = results.find((r) => basename(r.name) === `${variant}.test.ts`);
        return [variant, result ? outcomeOf(result, run.file) : { status: "failed", failure: output }];
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs vitest; its tests run in worker threads of that one process, so stopping it stops them all (Ctrl+C too). */
function runVitest(dir: string, timeLimitMs: number): Promise<string> {
  // A vitest that runs this one (our own tests) must not leak its worker settings into the nested run.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST")));
  const child = spawn(process.execPath, [VITEST_CLI, "run", "--config", join(dir, "vitest.config.mjs"), "--root", dir], {
    cwd: dir,
    env: { ...env, KAFKAJS_NO_PARTITIONER_WARNING: "1", FORCE_COLOR: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill("SIGKILL");
  }, timeLimitMs);
  return new Promise((resolve) => {
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(timedOut ? `the tests did not finish within ${timeLimitMs / 1000} s and were stopped` : lastLines(output));
    });
  });
}

function outcomeOf(result: JsonReport["testResults"][number], file: string): VariantOutcome {
  const failed = result.assertionResults.find((a) => a.status === "failed");
  if (failed) return { status: "failed", failure: describeFailure(failed.failureMessages?.[0] ?? "", file) };
  if (result.status === "failed") return { status: "broken", error: loadError(result.message ?? "", file) };
  return { status: result.assertionResults.some((a) => a.status === "passed") ? "passed" : "no-tests" };
}

/** "AssertionError: expected null to be 'alice' (at exercises/15-test-your-producer.ts:51:22)" */
function describeFailure(message: string, file: string): string {
  const first = message.split("\n").find((line) => line.trim() !== "")?.trim() ?? "failed";
  const frame = message.split("\n").find((line) => line.includes(file));
  const position = frame && /:(\d+):(\d+)\)?\s*$/.exec(frame);
  return position ? `${first} (at ${relativeToWorkspace(file)}:${position[1]}:${position[2]})` : first;
}

/** vitest reports a syntax error as "[PARSE_ERROR] <text>" with a frame that names "<file>:<line>:<column>". */
function loadError(message: string, file: string): LearnerErrorInfo {
  const plain = stripVTControlCharacters(message);
  const parseError = /\[PARSE_ERROR\]\s*(.+)/.exec(plain)?.[1];
  const position = [...plain.matchAll(/(\S+):(\d+):(\d+)/g)].find((match) => match[1]!.endsWith(basename(file)));
  const line = position ? Number(position[2]) : undefined;
  return {
    kind: parseError ? "syntax" : "threw",
    name: parseError ? "SyntaxError" : "Error",
    message: parseError ?? plain.split("\n")[0]!,
    location: line ? `${relativeToWorkspace(file)}:${line}:${position![3]}` : relativeToWorkspace(file),
    sourceLine: line ? readFileSync(file, "utf8").split("\n")[line - 1]?.trim() : undefined,
  };
}

function lastLines(output: string, count = 5): string {
  return output.trim().split("\n").slice(-count).join("\n");
}
