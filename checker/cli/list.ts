// npm run list: every exercise with its status, domain and difficulty.
import chalk from "chalk";
import { runCommand, reportProgressResets } from "./render.ts";
import { exerciseTable } from "./views.ts";

await runCommand(async () => {
  reportProgressResets();
  console.log(exerciseTable());
  console.log(chalk.dim("start one: npm run exercise <number>"));
});
