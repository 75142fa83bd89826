// Process bookkeeping for the JVMs we start: liveness, signals, and finding our own by a command-line mark.
import { execFileSync } from "node:child_process";
import { pollUntil } from "./wait.ts";

export function isAlive(pid: number | undefined): pid is number {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return !isZombie(pid);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function isZombie(pid: number): boolean {
  try {
    const state = execFileSync("ps", ["-o", "stat=", "-p", String(pid)], { encoding: "utf8" }).trim();
    return state.startsWith("Z") || state === "";
  } catch {
    return true;
  }
}

export function signal(pid: number | undefined, sig: NodeJS.Signals): void {
  if (!pid) return;
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/** Sends `sig`, waits up to `graceMs` for the process to exit, then SIGKILLs it. */
export async function terminate(pid: number | undefined, sig: NodeJS.Signals = "SIGTERM", graceMs = 10_000): Promise<void> {
  if (!isAlive(pid)) return;
  signal(pid, sig);
  try {
    await pollUntil(() => !isAlive(pid), { timeoutMs: graceMs, intervalMs: 50, description: `process ${pid} to exit` });
  } catch {
    signal(pid, "SIGKILL");
    await pollUntil(() => !isAlive(pid), { timeoutMs: 5_000, intervalMs: 50, description: `process ${pid} to die` });
  }
}

/** The mark every JVM we start carries, so that strays can be found even without a state file. */
export function processMark(stateDir: string): string {
  return `-Dkafkalings.state=${stateDir}`;
}

/** PIDs of live processes whose command line carries the mark. */
export function findMarkedProcesses(mark: string): number[] {
  let table: string;
  try {
    table = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  } catch {
    return [];
  }
  return table
    .split("\n")
    .filter((line) => line.split(/\s+/).includes(mark))
    .map((line) => Number.parseInt(line.trim(), 10))
    .filter((pid) => Number.isInteger(pid) && pid !== process.pid);
}
