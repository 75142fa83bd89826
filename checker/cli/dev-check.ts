// npm run dev:check [N]: the author's proof that every exercise is honest (see runner/self-check.ts).
import chalk from "chalk";
import { Command } from "commander";
import { loadExercises } from "../runner/manifest.ts";
import { exerciseFromArg } from "./args.ts";
import { selfCheck, staleStubHash } from "../runner/self-check.ts";
import { GradingSession } from "../runner/session.ts";
import { progress, runCommand } from "./render.ts";

await new Command("dev:check")
  .description("prove that every stub fails, every solution passes and every wrong answer fails as intended")
  .argument("[exercise]", "an exercise number or slug")
  .action((key: string | undefined) =>
    runCommand(async () => {
      const exercises = key ? [exerciseFromArg(key)] : loadExercises();
      let failures = 0;
      for (const exercise of exercises) {
        const stale = staleStubHash(exercise);
        if (stale) {
          failures++;
          console.log(`${chalk.red("✖")} ${exercise.number}. ${exercise.slug}: stubSha256 in content/exercises.yaml is out of date; the stub's hash is ${stale}`);
        }
      }
      const display = progress("getting the cluster ready");
      const session = await GradingSession.open(display).finally(() => display.stop());
      try {
        for (const exercise of exercises) {
          await selfCheck(session, exercise, (outcome) => {
            if (!outcome.ok) failures++;
            const mark = outcome.ok ? chalk.green("✔") : chalk.red("✖");
            console.log(`${mark} ${exercise.number}. ${exercise.slug} ${outcome.kind} ${chalk.dim(outcome.file)}${outcome.problem ? `\n    ${outcome.problem}` : ""}`);
          });
        }
      } finally {
        await session.close();
      }
      console.log(failures === 0 ? chalk.green("\nEvery stub fails, every solution passes, every wrong answer fails as intended.") : chalk.red(`\n${failures} problem(s).`));
      return failures === 0 ? 0 : 1;
    }),
  )
  .parseAsync();
