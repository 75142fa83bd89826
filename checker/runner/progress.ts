// The learner's progress: a versioned, human-readable JSON file in the project folder. A corrupt or foreign
// file is never overwritten silently: it is kept aside and the learner is told.
import { z } from "zod";
import type { Exercise } from "./manifest.ts";
import { inWorkspace } from "./paths.ts";
import type { ExerciseResult, ExerciseStatus } from "./results.ts";
import { onSetAsideNotice, readVersionedFile, writeVersionedFile, type VersionedFile } from "./versioned-file.ts";

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

/** Who tells the learner when an unreadable progress (or quiz history) file was set aside (the CLI prints it). */
export const onProgressNotice = onSetAsideNotice;

function progressFileSpec(): VersionedFile<Progress> {
  return { path: progressFile(), format: FORMAT, label: "progress file", schema: progressSchema, empty };
}

export function readProgress(): Progress {
  return readVersionedFile(progressFileSpec());
}

function write(progress: Progress): void {
  writeVersionedFile(progressFileSpec(), progress);
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
