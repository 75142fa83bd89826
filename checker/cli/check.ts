// npm run check [N] [--json]: grade every exercise (or one) on the real cluster.
import chalk from "chalk";
import { Presets, SingleBar } from "cli-progress";
import Table from "cli-table3";
import { tableStyle } from "./colour.ts";
import { Command } from "commander";
import { loadExercises, type Exercise } from "../runner/manifest.ts";
import { recordResult } from "../runner/progress.ts";
import type { ExerciseResult } from "../runner/results.ts";
import { GradingSession } from "../runner/session.ts";
import { progress, runCommand, reportProgressResets } from "./render.ts";
import { STATUS_LABEL, renderResult } from "./render-result.ts";
import { exerciseFromArg } from "./args.ts";

const program = new Command("check")
  .description("grade every exercise (or one) against the real cluster")
  .argument("[exercise]", "an exercise number or slug")
  .option("--json", "machine-readable results per exercise and per assertion")
  .action((key: string | undefined, options: { json?: boolean }) =>
    runCommand(async () => {
      reportProgressResets();
      const exercises = key ? [exerciseFromArg(key)] : loadExercises();
      const display = progress("getting the cluster ready");
      const session = await GradingSession.open(options.json ? {} : display).finally(() => display.stop());
      const results: ExerciseResult[] = [];
      const bar = new SingleBar({ format: " {bar} {value}/{total} {exercise}", stream: process.stderr, hideCursor: true }, Presets.shades_classic);
      const interactive = process.stderr.isTTY && !options.json;
      if (interactive) bar.start(exercises.length, 0, { exercise: "" });
      try {
        for (const exercise of exercises) {
          if (interactive) bar.update(results.length, { exercise: exercise.title });
          const result = await session.grade(exercise);
          recordResult(exercise, result);
          results.push(result);
        }
      } finally {
        if (interactive) bar.stop();
        await session.close();
      }
      if (options.json) console.log(JSON.stringify({ results, summary: summarise(results) }, null, 2));
      else print(exercises, results);
      return results.every((r) => r.status === "passed") ? 0 : 1;
    }),
  );

function summarise(results: ExerciseResult[]): Record<string, number> {
  const summary: Record<string, number> = { total: results.length, passed: 0, failed: 0, "not-started": 0, error: 0, timeout: 0 };
  for (const result of results) summary[result.status]! += 1;
  return summary;
}

function print(exercises: Exercise[], results: ExerciseResult[]): void {
  const table = new Table({ head: ["#", "exercise", "domain", "status", "time"], style: tableStyle() });
  for (const [index, result] of results.entries()) {
    const exercise = exercises[index]!;
    table.push([exercise.number, exercise.title, exercise.domain, STATUS_LABEL[result.status], `${(result.durationMs / 1000).toFixed(1)} s`]);
  }
  console.log(table.toString());
  for (const [index, result] of results.entries()) {
    if (result.status === "passed" || result.status === "not-started") continue;
    console.log(`\n${renderResult(result, exercises[index]!.title)}`);
  }
  const passed = results.filter((r) => r.status === "passed").length;
  console.log(`\n${passed === results.length ? chalk.green("All exercises pass.") : `${passed} of ${results.length} exercises pass.`}`);
}

await program.parseAsync();
