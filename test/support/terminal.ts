// Drives a command in a real pseudo-terminal (script(1)), as a learner at a keyboard would.
import { spawn } from "node:child_process";
import { pollUntil } from "../../checker/cluster/wait.ts";
import { REPO } from "./paths.ts";

export interface Terminal {
  /** What the terminal shows so far, without colours, cursor moves or hyperlinks. */
  screen(): string;
  waitFor(expected: RegExp | string, timeoutMs?: number): Promise<void>;
  press(keys: string, expected: RegExp | string): Promise<void>;
  /** Types keys without waiting for anything. */
  type(keys: string): void;
  closed: Promise<unknown>;
}

const ESCAPES = /\u001B\[[0-9;?]*[A-Za-z]|\u001B\]8;;[^\u0007]*\u0007/g;
export const KEY = { down: "\u001B[B", up: "\u001B[A", enter: "\r" };

/** `shellCommand` runs in a 120×40 terminal; stdin stays open, since the keys are typed on it. */
export function openTerminal(shellCommand: string, env: NodeJS.ProcessEnv): Terminal {
  const child = spawn("script", ["-q", "-f", "-c", `stty cols 120 rows 40; ${shellCommand}`, "/dev/null"], {
    cwd: REPO,
    env: { ...process.env, ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const screen = () => output.replace(ESCAPES, "");
  const waitFor = (expected: RegExp | string, timeoutMs = 30_000) =>
    pollUntil(() => (typeof expected === "string" ? screen().includes(expected) : expected.test(screen())), { timeoutMs, description: `${expected} on the terminal` }).then(() => undefined);
  return {
    screen,
    waitFor,
    press: async (keys, expected) => {
      child.stdin!.write(keys);
      await waitFor(expected);
    },
    type: (keys) => {
      child.stdin!.write(keys);
    },
    closed: new Promise((resolve) => child.once("close", resolve)),
  };
}
