// A versioned, human-readable JSON file in the learner's folder (progress, quiz history). A corrupt or foreign
// file is never overwritten silently: it is kept aside as <file>.bak-<time> and the learner is told.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { z } from "zod";

export interface VersionedFile<T> {
  path: string;
  /** The `format` field every such file carries, e.g. "kafkalings-progress". */
  format: string;
  /** What the learner calls it, e.g. "progress file". */
  label: string;
  schema: z.ZodType<T>;
  empty: () => T;
}

type NoticeListener = (notice: string) => void;
let tellLearner: NoticeListener = () => {};

/** Who tells the learner when an unreadable file was set aside (the CLI prints it). */
export function onSetAsideNotice(listener: NoticeListener): void {
  tellLearner = listener;
}

export function readVersionedFile<T>(spec: VersionedFile<T>): T {
  if (!existsSync(spec.path)) return spec.empty();
  const text = readFileSync(spec.path, "utf8");
  let reason: string;
  try {
    const json: unknown = JSON.parse(text);
    const parsed = spec.schema.safeParse(json);
    if (parsed.success) return parsed.data;
    reason = (json as { format?: unknown } | null)?.format === spec.format ? `unexpected content at ${parsed.error.issues[0]?.path.join(".")}` : `not a kafkalings ${spec.label}`;
  } catch {
    reason = "not valid JSON";
  }
  const backup = `${spec.path}.bak-${Date.now()}`;
  renameSync(spec.path, backup);
  tellLearner(`Your ${spec.label} ${spec.path} was unreadable (${reason}); it is kept as ${backup} and a fresh one was started.`);
  return spec.empty();
}

/** Written to a temporary file first, so that a crash never leaves half a file. */
export function writeVersionedFile<T>(spec: VersionedFile<T>, value: T): void {
  const temporary = `${spec.path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(temporary, spec.path);
}
