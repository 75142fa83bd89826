// The learner's progress: a versioned, human-readable JSON file in the project folder. A corrupt or foreign
// file is never overwritten silently: it is kept aside and the learner is told.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { z } from "zod";
import type { Exercise } from "./manifest.ts";
import { inWorkspace } from "./paths.ts";
import type { ExerciseResult, ExerciseStatus } from "./results.ts";

const FORMAT = "kafkalings-progress";

const exerciseProgressSchema = z.object({
  status: z.enum(["passed", "failed", "not-started", "error", "timeout"]),
  attempts: z.number().int().nonnegative(),
  hintsUsed: z.number().int().min(0).max(3),
  timeSpentMs: z.number().nonnegative(),
  firstPassedAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  gaveUp: z.boolean(),
});

const progressSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  exercises: z.record(z.string(), exerciseProgressSchema),
});

export type ExerciseProgress = z.infer<typeof exerciseProgressSchema>;
export type Progress = z.infer<typeof progressSchema>;

export function progressFile(): string {
  return inWorkspace(".kafkalings-progress.json");
}

function empty(): Progress {
  return { format: FORMAT, version: 1, exercises: {} };
}

export function blankExerciseProgress(): ExerciseProgress {
  return { status: "not-started", attempts: 0, hintsUsed: 0, timeSpentMs: 0, firstPassedAt: null, lastAttemptAt: null, gaveUp: false };
}

type NoticeListener = (notice: string) => void;
let tellLearner: NoticeListener = () => {};

/** Who tells the learner when an unreadable progress file was set aside (the CLI prints it). */
export function onProgressNotice(listener: NoticeListener): void {
  tellLearner = listener;
}

export function readProgress(): Progress {
  const file = progressFile();
  if (!existsSync(file)) return empty();
  const text = readFileSync(file, "utf8");
  let reason: string;
  try {
    const parsed = progressSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    reason = (JSON.parse(text) as { format?: unknown })?.format === FORMAT ? `unexpected content at ${parsed.error.issues[0]?.path.join(".")}` : "not a kafkalings progress file";
  } catch {
    reason = "not valid JSON";
  }
  const backup = `${file}.bak-${Date.now()}`;
  renameSync(file, backup);
  tellLearner(`Your progress file ${file} was unreadable (${reason}); it is kept as ${backup} and a fresh one was started.`);
  return empty();
}

function write(progress: Progress): void {
  const file = progressFile();
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(progress, null, 2)}\n`);
  renameSync(temporary, file);
}

function update(exercise: Exercise, change: (entry: ExerciseProgress) => void): ExerciseProgress {
  const progress = readProgress();
  const entry = progress.exercises[exercise.slug] ?? blankExerciseProgress();
  change(entry);
  progress.exercises[exercise.slug] = entry;
  write(progress);
  return entry;
}

export function exerciseProgress(exercise: Exercise): ExerciseProgress {
  return readProgress().exercises[exercise.slug] ?? blankExerciseProgress();
}

/** A graded attempt. Untouched stubs are not attempts. */
export function recordResult(exercise: Exercise, result: ExerciseResult): ExerciseProgress {
  return update(exercise, (entry) => {
    if (result.status === "not-started") return;
    const now = new Date().toISOString();
    entry.attempts += 1;
    entry.lastAttemptAt = now;
    entry.status = result.status;
    if (result.status === "passed" && !entry.firstPassedAt) entry.firstPassedAt = now;
  });
}

/** Reveals the next hint level; returns how many are revealed now (1–3). */
export function revealNextHint(exercise: Exercise): number {
  return update(exercise, (entry) => {
    entry.hintsUsed = Math.min(3, entry.hintsUsed + 1);
  }).hintsUsed;
}

export function addTimeSpent(exercise: Exercise, milliseconds: number): void {
  update(exercise, (entry) => {
    entry.timeSpentMs += milliseconds;
  });
}

export function markGaveUp(exercise: Exercise): void {
  update(exercise, (entry) => {
    entry.gaveUp = true;
  });
}

/** The solution is shown only once the exercise passed, or after a confirmed give-up. */
export function mayShowSolution(exercise: Exercise): boolean {
  const entry = exerciseProgress(exercise);
  return entry.firstPassedAt !== null || entry.gaveUp;
}

export function statusOf(exercise: Exercise): ExerciseStatus {
  return exerciseProgress(exercise).status;
}
