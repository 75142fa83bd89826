// npm run progress: readiness per CCDAK domain (exercises passed, recent quiz accuracy) and the mock-exam trend.
import chalk from "chalk";
import { Command } from "commander";
import { examTrend, progressByDomain } from "./readiness.ts";
import { reportProgressResets, runCommand } from "./render.ts";

await new Command("progress")
  .description("how ready you are per CCDAK domain, and your mock-exam scores")
  .action(() =>
    runCommand(async () => {
      reportProgressResets();
      console.log(chalk.bold("Readiness by CCDAK domain") + chalk.dim(" (exercises passed · quiz accuracy over your recent answers)\n"));
      console.log(progressByDomain());
      console.log(`\n${examTrend()}`);
    }),
  )
  .parseAsync();
