// npm run exercise N: the lesson section, the task, the file to edit — then watch mode: every save re-grades.
import "./colour.ts";
import { emitKeypressEvents } from "node:readline";
import chalk from "chalk";
import { watch, type FSWatcher } from "chokidar";
import { Command } from "commander";
import { lessonSection, renderMarkdown } from "../lessons/markdown.ts";
import { learnerFile, resetExercise } from "../runner/exercise-files.ts";
import { loadExercises, type Exercise } from "../runner/manifest.ts";
import { addTimeSpent, recordResult, revealNextHint } from "../runner/progress.ts";
import type { ExerciseResult } from "../runner/results.ts";
import { GradingSession } from "../runner/session.ts";
import { exerciseFromArg } from "./args.ts";
import { renderResult, renderSnapshot } from "./render-result.ts";
import { progress, runCommand, reportProgressResets } from "./render.ts";
import { displayStatus, exerciseTable, hintsText } from "./views.ts";
import { isWsl } from "./platform.ts";

const DEBOUNCE_MS = 150;
const KEYS = chalk.dim("h hint · n next · l list · c check all · x reset · q quit");

/** A path the terminal can open with a click (OSC 8), plain text elsewhere. */
function clickable(path: string): string {
  return process.stdout.isTTY ? `\u001B]8;;file://${path}\u0007${path}\u001B]8;;\u0007` : path;
}

function introduction(exercise: Exercise): string {
  return [
    chalk.bold.cyan(`Exercise ${exercise.number}: ${exercise.title}`),
    chalk.dim(`${exercise.domain} · ${exercise.difficulty} · about ${exercise.minutes} min`),
    "",
    renderMarkdown(lessonSection(exercise.lesson.file, exercise.lesson.section)),
    "",
    chalk.bold("Your task"),
    exercise.task,
    "",
    `${chalk.bold("Edit")} ${clickable(learnerFile(exercise))}`,
  ].join("\n");
}

class WatchSession {
  private busy = false;
  private pending = false;
  private watcher?: FSWatcher;
  private timer?: NodeJS.Timeout;
  private openedAt = Date.now();
  private confirmingReset = false;
  private finished?: (code: number) => void;
  private lastResult?: ExerciseResult;

  constructor(
    private exercise: Exercise,
    private readonly session: GradingSession,
    private readonly options: { poll: boolean; keys: boolean },
  ) {}

  /** Grades on every save until the learner quits; resolves with the exit code. */
  run(): Promise<number> {
    this.watchFile();
    if (this.options.keys) this.listenToKeys();
    void this.grade();
    return new Promise((resolve) => (this.finished = resolve));
  }

  private watchFile(): void {
    void this.watcher?.close();
    this.watcher = watch(learnerFile(this.exercise), { ignoreInitial: true, usePolling: this.options.poll, interval: 200, binaryInterval: 500 });
    this.watcher.on("change", () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.grade(), DEBOUNCE_MS);
    });
  }

  private async grade(): Promise<void> {
    if (this.busy) {
      this.pending = true;
      return;
    }
    this.busy = true;
    try {
      if (process.stdout.isTTY) console.clear();
      console.log(chalk.dim(`grading exercise ${this.exercise.number}…`));
      const { result, snapshot } = await this.session.gradeVerdictFirst(this.exercise);
      recordResult(this.exercise, result);
      this.lastResult = result;
      console.log(renderResult(result, this.exercise.title));
      const leftOnCluster = await snapshot;
      if (leftOnCluster) console.log(`\n${renderSnapshot(leftOnCluster).join("\n")}`);
      if (result.status === "passed") console.log(chalk.green(`\nWell done! Press n for the next exercise, or see the reference: npm run solution ${this.exercise.number}`));
      console.log(`\n${this.options.keys ? KEYS : chalk.dim("watching for saves…")}`);
    } finally {
      this.busy = false;
    }
    if (this.pending) {
      this.pending = false;
      await this.grade();
    }
  }

  private listenToKeys(): void {
    emitKeypressEvents(process.stdin);
    process.stdin.setRawMode(true);
    // A paused stream (the spinner pauses stdin when it stops) stays paused when a listener is added.
    process.stdin.resume();
    process.stdin.on("keypress", (_text: string, key: { name?: string; ctrl?: boolean }) => void this.onKey(key));
  }

  private async onKey(key: { name?: string; ctrl?: boolean }): Promise<void> {
    if (key.ctrl && key.name === "c") return this.quit(130);
    if (this.busy) return; // keys are ignored while a check runs
    if (this.confirmingReset) {
      this.confirmingReset = false;
      if (key.name === "y") console.log(`Reset ${this.exercise.stub}; your version is kept as ${resetExercise(this.exercise)}`);
      else console.log("Not reset.");
      return;
    }
    switch (key.name) {
      case "q":
        return this.quit(this.lastResult?.status === "passed" ? 0 : 1);
      case "h":
        console.log(`\n${hintsText(this.exercise, revealNextHint(this.exercise))}\n`);
        return;
      case "l":
        console.log(`\n${exerciseTable()}\n`);
        return;
      case "x":
        this.confirmingReset = true;
        console.log(`Reset ${this.exercise.stub} to the original stub? Your version is kept as a backup. (y/n)`);
        return;
      case "c":
        return this.checkAll();
      case "n":
        return this.next();
    }
  }

  private async checkAll(): Promise<void> {
    this.busy = true;
    try {
      for (const exercise of loadExercises()) recordResult(exercise, await this.session.grade(exercise));
      console.log(`\n${exerciseTable()}\n${KEYS}`);
    } finally {
      this.busy = false;
    }
  }

  private async next(): Promise<void> {
    const exercises = loadExercises();
    const after = [...exercises.slice(this.exercise.number), ...exercises.slice(0, this.exercise.number)];
    const next = after.find((e) => displayStatus(e) !== "passed");
    if (!next) {
      console.log(chalk.green("Every exercise passes. Time for a quiz?"));
      return;
    }
    addTimeSpent(this.exercise, Date.now() - this.openedAt);
    this.exercise = next;
    this.openedAt = Date.now();
    if (process.stdout.isTTY) console.clear();
    console.log(introduction(next));
    this.watchFile();
    await this.grade();
  }

  private async quit(code: number): Promise<void> {
    clearTimeout(this.timer);
    await this.watcher?.close();
    if (process.stdin.isTTY) process.stdin.setRawMode(false);
    process.stdin.pause();
    addTimeSpent(this.exercise, Date.now() - this.openedAt);
    this.finished?.(code);
  }
}

await new Command("exercise")
  .argument("<exercise>", "an exercise number or slug")
  .option("--watch", "keep watching even without a terminal (keys need one)")
  .option("--poll", "poll the file instead of file events (automatic under WSL)")
  .action((key: string, options: { watch?: boolean; poll?: boolean }) =>
    runCommand(async () => {
      reportProgressResets();
      const exercise = exerciseFromArg(key);
      console.log(introduction(exercise));
      const display = progress("getting the cluster ready");
      const session = await GradingSession.open(display).finally(() => display.stop());
      try {
        const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
        if (!interactive && !options.watch) {
          const result = await session.grade(exercise);
          recordResult(exercise, result);
          console.log(`\n${renderResult(result, exercise.title)}`);
          return result.status === "passed" ? 0 : 1;
        }
        return await new WatchSession(exercise, session, { poll: options.poll === true || isWsl(), keys: interactive }).run();
      } finally {
        await session.close();
      }
    }),
  )
  .parseAsync();
