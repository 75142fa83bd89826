// npm run streams:diff: every streams scenario through Java Kafka Streams (the oracle) and our TypeScript engine,
// compared record by record; exit 1 unless all match.
import chalk from "chalk";
import { Command } from "commander";
import { diff } from "jest-diff";
import { runDifferential, type ScenarioVerdict } from "../streams/scenarios/differential.ts";
import { runCommand } from "./render.ts";

function printMismatch(verdict: ScenarioVerdict): void {
  const mismatch = verdict.mismatch!;
  console.log(`${chalk.red("✖")} ${chalk.bold(verdict.scenario)} — ${verdict.about}`);
  console.log(`  first difference: ${mismatch.what}`);
  const shown = diff(mismatch.expected, mismatch.actual, { aAnnotation: "Java", bAnnotation: "TypeScript", expand: false });
  console.log((shown ?? "").replace(/^/gm, "    "));
}

await new Command("streams:diff")
  .description("run the streams scenarios through Java Kafka Streams and the TypeScript engine, compare record by record")
  .option("--scenario <id>", "run one scenario (its file name without .json)")
  .option("--no-describe", "do not compare Topology.describe()")
  .option("--json", "print the verdicts as JSON")
  .action((options: { scenario?: string; describe?: boolean; json?: boolean }) =>
    runCommand(async () => {
      const report = await runDifferential({ ...options, onProgress: (step) => console.error(chalk.dim(step)) });
      const total = report.verdicts.length;
      if (options.json) {
        console.log(JSON.stringify(report, null, 2));
      } else {
        for (const verdict of report.verdicts) if (verdict.mismatch) printMismatch(verdict);
        console.log(`${report.matched} of ${total} scenarios match (Java Kafka Streams ${report.oracle})`);
      }
      return report.matched === total ? 0 : 1;
    }),
  )
  .parseAsync();
