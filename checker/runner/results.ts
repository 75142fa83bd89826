// What grading returns. Graders never print; only the CLI renders these.
import type { LearnerErrorInfo } from "./protocol.ts";
import type { ClusterSnapshot } from "./snapshot.ts";

export type ExerciseStatus = "passed" | "failed" | "not-started" | "error" | "timeout";

export interface AssertionResult {
  status: "passed" | "failed";
  message: string;
  expected?: unknown;
  actual?: unknown;
}

export interface ExerciseResult {
  number: number;
  slug: string;
  status: ExerciseStatus;
  /** One line that says what happened. */
  message: string;
  assertions: AssertionResult[];
  learnerError?: LearnerErrorInfo;
  /** What the learner's code left on the cluster, when it did not pass. */
  snapshot?: ClusterSnapshot;
  durationMs: number;
}
