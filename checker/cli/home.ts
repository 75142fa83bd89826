// npm start: the home screen — continue where you left off, pick an exercise, check all, cluster status,
// and progress by CCDAK domain.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { select } from "@inquirer/prompts";
import chalk from "chalk";
import { DOMAINS, loadExercises } from "../runner/manifest.ts";
import { ensureCluster } from "../cluster/provider.ts";
import { progress, runCommand, reportProgressResets } from "./render.ts";
import { displayStatus, exerciseTable } from "./views.ts";

/** The exam's weights per domain (CCDAK, as the syllabus gives them). */
const DOMAIN_WEIGHTS: Record<(typeof DOMAINS)[number], number> = {
  "Application Development": 28,
  Fundamentals: 23,
  Connect: 15,
  Observability: 13,
  Streams: 12,
  Testing: 8,
};

function bar(done: number, total: number, width = 20): string {
  const filled = total === 0 ? 0 : Math.round((done / total) * width);
  return `${chalk.green("█".repeat(filled))}${chalk.dim("░".repeat(width - filled))}`;
}

export function progressByDomain(): string {
  const exercises = loadExercises();
  return DOMAINS.map((domain) => {
    const mine = exercises.filter((e) => e.domain === domain);
    const done = mine.filter((e) => displayStatus(e) === "passed").length;
    return `${domain.padEnd(24)} ${chalk.dim(`${String(DOMAIN_WEIGHTS[domain]).padStart(2)}% of the exam`)}  ${bar(done, mine.length)} ${mine.length ? `${done}/${mine.length} exercises` : chalk.dim("no exercises yet")}`;
  }).join("\n");
}

function runSubcommand(command: string, args: string[]): void {
  const script = fileURLToPath(new URL(`./${command}.ts`, import.meta.url));
  spawnSync(process.execPath, ["--import", "tsx", script, ...args], { stdio: "inherit" });
}

await runCommand(async () => {
  reportProgressResets();
  console.log(chalk.bold.cyan("kafkalings — CCDAK practice on a real Kafka cluster\n"));
  console.log(progressByDomain());
  if (!process.stdin.isTTY) {
    console.log(`\n${exerciseTable()}\n${chalk.dim("Run in a terminal for the menu, or: npm run exercise <number>")}`);
    return 0;
  }
  // One cluster for the whole session: the commands run from the menu reuse it instead of starting their own.
  const display = progress("getting the cluster ready");
  const { cluster, reused } = await ensureCluster({ listener: display }).finally(() => display.stop());
  try {
    await menu();
  } finally {
    if (!reused) await cluster.stop();
  }
  return 0;
});

async function menu(): Promise<void> {
  for (;;) {
    const exercises = loadExercises();
    const next = exercises.find((e) => displayStatus(e) !== "passed");
    const choice = await select({
      message: "What next?",
      choices: [
        ...(next ? [{ name: `Continue: exercise ${next.number} — ${next.title}`, value: `exercise:${next.number}` }] : []),
        { name: "Pick an exercise", value: "pick" },
        { name: "Check all exercises", value: "check" },
        { name: "Cluster status", value: "status" },
        { name: "Progress by CCDAK domain", value: "progress" },
        { name: "Quit", value: "quit" },
      ],
    });
    if (choice === "quit") return;
    if (choice === "progress") console.log(`\n${progressByDomain()}\n`);
    else if (choice === "check") runSubcommand("check", []);
    else if (choice === "status") runSubcommand("cluster", ["status"]);
    else {
      const number =
        choice === "pick"
          ? await select({ message: "Which exercise?", choices: exercises.map((e) => ({ name: `${e.number}. ${e.title} (${displayStatus(e)})`, value: e.number })) })
          : Number(choice.split(":")[1]);
      runSubcommand("exercise", [String(number)]);
    }
  }
}
