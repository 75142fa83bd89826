// npm run solution N [--give-up]: the reference solution as a diff against the learner's file, once passed.
import { readFileSync } from "node:fs";
import chalk from "chalk";
import { Command } from "commander";
import { diffStringsUnified } from "jest-diff";
import { readLearnerFile } from "../runner/exercise-files.ts";
import { markGaveUp, mayShowSolution } from "../runner/progress.ts";
import { fromRoot } from "../runner/paths.ts";
import { confirmed, exerciseFromArg } from "./args.ts";
import { UsageError } from "./errors.ts";
import { runCommand, reportProgressResets } from "./render.ts";

await new Command("solution")
  .argument("<exercise>", "an exercise number or slug")
  .option("--give-up", "see the solution before passing (asks first; recorded in your progress)")
  .option("--yes", "confirm --give-up without asking")
  .action((key: string, options: { giveUp?: boolean; yes?: boolean }) =>
    runCommand(async () => {
      reportProgressResets();
      const exercise = exerciseFromArg(key);
      if (!mayShowSolution(exercise)) {
        if (!options.giveUp) {
          throw new UsageError(
            `The solution to exercise ${exercise.number} opens once it passes.`,
            `keep going (npm run hint ${exercise.number} gives the next hint), or see it anyway with: npm run solution ${exercise.number} -- --give-up`,
          );
        }
        if (!(await confirmed(`Give up on exercise ${exercise.number} and see the solution?`, options.yes, "Giving up"))) return 1;
        markGaveUp(exercise);
      }
      const solution = readFileSync(fromRoot(exercise.solution), "utf8");
      console.log(chalk.bold(`Reference solution: ${exercise.solution}`) + chalk.dim("   (- your file, + the solution)"));
      console.log(diffStringsUnified(readLearnerFile(exercise), solution, { aAnnotation: "Your file", bAnnotation: "Solution", contextLines: 3, expand: false }));
      return 0;
    }),
  )
  .parseAsync();
