// npm start: the home screen — continue where you left off, pick an exercise, check all, cluster status,
// and progress by CCDAK domain.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { select } from "@inquirer/prompts";
import chalk from "chalk";
import { loadExercises } from "../runner/manifest.ts";
import { ensureCluster } from "../cluster/provider.ts";
import { progress, runCommand, reportProgressResets } from "./render.ts";
import { quizMenu } from "./quiz/menu.ts";
import { examTrend, progressByDomain } from "./readiness.ts";
import { displayStatus, exerciseTable } from "./views.ts";

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
        { name: "Quiz: practice, review, mock exam", value: "quiz" },
        { name: "Quit", value: "quit" },
      ],
    });
    if (choice === "quit") return;
    if (choice === "progress") console.log(`\n${progressByDomain()}\n\n${examTrend()}\n`);
    else if (choice === "quiz") runSubcommand("quiz", await quizMenu());
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
