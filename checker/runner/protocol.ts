// The messages between the runner and the child process that runs a learner's code.
import type { ContextSettings, ExerciseContext } from "../context.ts";

export interface RunRequest {
  modulePath: string;
  exportName: string;
  args: unknown[];
  context: ContextSettings;
  /**
   * A module of ours whose default export runs the learner's export (e.g. builds a Kafka Streams topology from it
   * and drives it), in the learner's process: `(exported, context, ...args) => result`.
   */
  harness?: string;
}

export type Harness = (exported: unknown, context: ExerciseContext, ...args: unknown[]) => unknown;

export interface LearnerErrorInfo {
  name: string;
  message: string;
  /** "exercises/01-create-topic.ts:12:7" when the error can be traced to the learner's file. */
  location?: string;
  /** The learner's source line at that location, trimmed. */
  sourceLine?: string;
  kind: "threw" | "syntax" | "missing-export";
}

export type RunReply = { ok: true; value: unknown } | { ok: false; error: LearnerErrorInfo };
