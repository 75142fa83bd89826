// Runs our CLI commands as a learner would, in a child process, and captures what they print.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { REPO } from "./paths.ts";

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node --import tsx checker/cli/<command>.ts …`, so a PATH without node tools still runs it. */
export function spawnCli(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", join(REPO, "checker", "cli", `${command.replace(":", "-")}.ts`), ...args], {
    cwd: REPO,
    env: { ...process.env, CI: "true", NO_COLOR: "1", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
}

export function runCli(command: string, args: string[], env: NodeJS.ProcessEnv = {}, input?: string): Promise<CliResult> {
  const child = spawnCli(command, args, env);
  return collect(child, input);
}

export function collect(child: ChildProcess, input?: string): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin?.end(input);
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
}

/** A learner-facing error: our ✖ line, a fix line, and no JavaScript stack frames. */
export function expectCleanError(result: CliResult): string {
  const text = result.stdout + result.stderr;
  if (result.code === 0) throw new Error(`expected a failure, got exit 0:\n${text}`);
  if (/^\s+at .+\(.+:\d+:\d+\)$/m.test(text)) throw new Error(`expected no stack trace:\n${text}`);
  if (!/^✖ /m.test(result.stderr) || !/^\s+fix: /m.test(result.stderr)) throw new Error(`expected "✖ …" and "fix: …" lines:\n${text}`);
  return result.stderr;
}
