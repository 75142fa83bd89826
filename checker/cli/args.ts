import { confirm } from "@inquirer/prompts";
import { findExercise, type Exercise } from "../runner/manifest.ts";
import { UnknownExerciseError, UsageError } from "./errors.ts";

export function exerciseFromArg(key: string): Exercise {
  const exercise = findExercise(key);
  if (!exercise) throw new UnknownExerciseError(key);
  return exercise;
}

/** Asks y/n on a terminal; without one, `--yes` is the only way to agree. */
export async function confirmed(question: string, yes: boolean | undefined, what: string): Promise<boolean> {
  if (yes) return true;
  if (!process.stdin.isTTY) throw new UsageError(`${what} needs a confirmation, and there is no terminal to ask on.`, "add --yes to confirm");
  return confirm({ message: question, default: false });
}
