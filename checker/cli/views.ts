// Text views shared by several commands (list, hint, watch mode, home screen).
import chalk from "chalk";
import Table from "cli-table3";
import { tableStyle } from "./colour.ts";
import { isUntouched } from "../runner/grade.ts";
import { loadExercises, type Exercise } from "../runner/manifest.ts";
import { exerciseProgress } from "../runner/progress.ts";
import type { ExerciseStatus } from "../runner/results.ts";
import { STATUS_LABEL } from "./render-result.ts";

const LEVEL_LABEL = { nudge: "Nudge", concept: "Concept", "near-solution": "Near-solution" } as const;

/** Done stays done; an untouched file is "not started" whatever was recorded. */
export function displayStatus(exercise: Exercise): ExerciseStatus {
  const progress = exerciseProgress(exercise);
  return progress.firstPassedAt ? "passed" : isUntouched(exercise) ? "not-started" : progress.status;
}

export function exerciseTable(): string {
  const table = new Table({ head: ["#", "exercise", "domain", "difficulty", "min", "status", "hints"], style: tableStyle() });
  for (const exercise of loadExercises()) {
    const progress = exerciseProgress(exercise);
    table.push([exercise.number, exercise.title, exercise.domain, exercise.difficulty, exercise.minutes, STATUS_LABEL[displayStatus(exercise)], `${progress.hintsUsed}/3`]);
  }
  return table.toString();
}

/** The first `revealed` hints of an exercise, rendered. */
export function hintsText(exercise: Exercise, revealed: number): string {
  return exercise.hints
    .slice(0, revealed)
    .map((hint, index) => `${chalk.bold(`Hint ${index + 1}/3 · ${LEVEL_LABEL[hint.level]}`)}\n${hint.text}${hint.link ? `\n${chalk.dim(`read: ${hint.link}`)}` : ""}`)
    .join("\n\n");
}
