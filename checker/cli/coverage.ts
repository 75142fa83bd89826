// npm run coverage: per CCDAK domain, the lessons, exercises and quiz questions that cover it (--json for tools).
import chalk from "chalk";
import Table from "cli-table3";
import { tableStyle } from "./colour.ts";
import { Command } from "commander";
import { domainCoverage } from "../content/coverage.ts";
import { runCommand } from "./render.ts";

await new Command("coverage")
  .description("list, per CCDAK domain, the lessons, exercises and quiz questions covering it")
  .option("--json", "print JSON")
  .action((options: { json?: boolean }) =>
    runCommand(async () => {
      const coverage = domainCoverage();
      if (options.json) return void console.log(JSON.stringify(coverage, null, 2));
      const table = new Table({ head: ["CCDAK domain", "lessons", "exercises", "quiz"], style: tableStyle(), wordWrap: true, colWidths: [26, 40, 44, 7] });
      const list = (items: { number: number; title: string }[]) => items.map((i) => `${i.number}. ${i.title}`).join("\n") || chalk.yellow("none yet");
      for (const row of coverage) table.push([row.domain, list(row.lessons), list(row.exercises), row.questions]);
      console.log(table.toString());
    }),
  )
  .parseAsync();
