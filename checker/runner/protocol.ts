// The messages between the runner and the child process that runs a learner's code.
import type { ContextSettings } from "../context.ts";

export interface RunRequest {
  modulePath: string;
  exportName: string;
  args: unknown[];
  context: ContextSettings;
}

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
