// npm run reset N | --all: restore pristine stubs, keeping the learner's versions as backups.
import { Command } from "commander";
import { resetExercise } from "../runner/exercise-files.ts";
import { loadExercises } from "../runner/manifest.ts";
import { confirmed, exerciseFromArg } from "./args.ts";
import { UsageError } from "./errors.ts";
import { runCommand } from "./render.ts";

await new Command("reset")
  .argument("[exercise]", "an exercise number or slug")
  .option("--all", "reset every exercise")
  .option("--yes", "do not ask for confirmation")
  .action((key: string | undefined, options: { all?: boolean; yes?: boolean }) =>
    runCommand(async () => {
      if (!key && !options.all) throw new UsageError("Say which exercise to reset.", "npm run reset <number>, or npm run reset -- --all");
      const exercises = options.all ? loadExercises() : [exerciseFromArg(key!)];
      const what = options.all ? "every exercise" : `exercise ${exercises[0]!.number} (${exercises[0]!.stub})`;
      if (!(await confirmed(`Reset ${what} to its original stub? Your version is kept as a backup.`, options.yes, "Resetting"))) return 1;
      for (const exercise of exercises) console.log(`reset ${exercise.stub}; your version is kept as ${resetExercise(exercise)}`);
      return 0;
    }),
  )
  .parseAsync();
