// How commands speak to the learner: one clear line per problem plus its fix, progress on stderr.
import "./colour.ts";
import chalk from "chalk";
import ora from "ora";
import { ClusterError } from "../cluster/errors.ts";
import type { StartListener } from "../cluster/start-listener.ts";
import { PollTimeoutError } from "../cluster/wait.ts";
import { onProgressNotice, readProgress } from "../runner/progress.ts";

/** Errors that carry their own fix (cluster, manifest, usage problems) are the learner's, not our bugs. */
function isLearnerFacing(error: unknown): error is Error & { fix: string; details?: string } {
  return error instanceof ClusterError || (error instanceof Error && typeof (error as { fix?: unknown }).fix === "string");
}

/** Prints an error for a learner: known problems as a line and a fix; our own bugs with their stack. */
export function printError(error: unknown): void {
  if (isLearnerFacing(error)) {
    console.error(`${chalk.red("✖")} ${error.message}`);
    console.error(`  ${chalk.bold("fix:")} ${error.fix}`);
    if (error.details) console.error(chalk.dim(error.details.replace(/^/gm, "  │ ")));
  } else if (error instanceof PollTimeoutError) {
    console.error(`${chalk.red("✖")} ${error.message}`);
  } else {
    console.error(error);
  }
}

/** Runs a command body; any error is printed and sets the exit code instead of escaping as a stack trace. */
export async function runCommand(body: () => Promise<number | void>): Promise<void> {
  try {
    process.exitCode = (await body()) ?? 0;
  } catch (error) {
    printError(error);
    process.exitCode = 1;
  }
}

export interface Progress extends StartListener {
  succeed(text: string): void;
  stop(): void;
}

/** A spinner on a terminal; plain lines (one per step) in pipes and CI logs. */
export function progress(initial: string): Progress {
  const interactive = process.stderr.isTTY === true && !process.env.CI;
  const spinner = ora({ text: initial, stream: process.stderr, isEnabled: interactive, discardStdin: false });
  const started = Date.now();
  const elapsed = () => chalk.dim(`${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (interactive) spinner.start();
  else console.error(`… ${initial}`);
  return {
    step(text) {
      if (interactive) spinner.text = `${text} ${elapsed()}`;
      else console.error(`… ${text}`);
    },
    notice(text) {
      if (interactive) spinner.clear();
      console.error(`${chalk.yellow("!")} ${text}`);
      if (interactive) spinner.render();
    },
    succeed(text) {
      if (interactive) spinner.succeed(text);
      else console.error(`✔ ${text}`);
    },
    stop() {
      spinner.stop();
    },
  };
}

/** From now on, an unreadable progress file set aside is reported; checks the file once right away. */
export function reportProgressResets(): void {
  onProgressNotice((notice) => console.error(`${chalk.yellow("!")} ${notice}`));
  readProgress();
}
