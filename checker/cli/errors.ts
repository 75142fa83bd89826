import { ClusterError } from "../cluster/errors.ts";

export class UnknownExerciseError extends ClusterError {
  override name = "UnknownExerciseError";
  constructor(key: string) {
    super(`There is no exercise "${key}".`, "see them all with `npm run list`, then use a number or a slug");
  }
}

/** The command was called in a way that cannot work; the fix says how to call it. */
export class UsageError extends Error {
  override name = "UsageError";
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
  }
}
