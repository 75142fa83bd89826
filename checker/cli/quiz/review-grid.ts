// The exam's review grid: every question number with its state (answered, unanswered, flagged), the clock still
// ticking; open any question, or submit.
import { createPrompt, isDownKey, isEnterKey, isUpKey, useKeypress, usePrefix, useState } from "@inquirer/core";
import chalk from "chalk";
import { formatRemaining, useCountdown } from "./countdown.ts";
import { HIDE_CURSOR, keyHelp } from "./keys.ts";

export interface GridCell {
  answered: boolean;
  flagged: boolean;
}

export interface ReviewGridConfig {
  cells: GridCell[];
  deadline: number;
  /** Where the cursor starts. */
  start: number;
}

export type GridOutcome = { action: "open"; index: number } | { action: "submit" } | { action: "time-up" };

const COLUMNS = 10;

function cellText(cell: GridCell, number: number, active: boolean): string {
  const mark = `${cell.answered ? chalk.green("✔") : chalk.dim("○")}${cell.flagged ? chalk.yellow("⚑") : " "}`;
  const label = String(number).padStart(2);
  return active ? chalk.bold(`[${label}${mark}]`) : ` ${label}${mark} `;
}

export function summary(cells: GridCell[]): string {
  const answered = cells.filter((c) => c.answered).length;
  const flagged = cells.filter((c) => c.flagged).length;
  return `${answered} answered · ${cells.length - answered} unanswered · ${flagged} flagged`;
}

export const reviewGrid = createPrompt<GridOutcome, ReviewGridConfig>((config, done) => {
  const { cells } = config;
  const [cursor, setCursor] = useState(Math.min(config.start, cells.length - 1));
  const [finished, setFinished] = useState(false);
  const prefix = usePrefix({ status: finished ? "done" : "idle" });
  const finish = (outcome: GridOutcome) => {
    setFinished(true);
    done(outcome);
  };
  const remaining = useCountdown(config.deadline, () => finish({ action: "time-up" }));

  useKeypress((key, rl) => {
    rl.clearLine(0);
    if (finished) return;
    const move = (by: number) => setCursor(Math.min(cells.length - 1, Math.max(0, cursor + by)));
    if (isEnterKey(key)) finish({ action: "open", index: cursor });
    else if (key.name === "s") finish({ action: "submit" });
    else if (key.name === "left") move(-1);
    else if (key.name === "right") move(1);
    else if (isUpKey(key)) move(-COLUMNS);
    else if (isDownKey(key)) move(COLUMNS);
  });

  if (finished) return `${prefix} ${chalk.dim(`Review grid: ${summary(cells)}`)}`;
  const rows: string[] = [];
  for (let start = 0; start < cells.length; start += COLUMNS) {
    rows.push(`  ${cells.slice(start, start + COLUMNS).map((cell, offset) => cellText(cell, start + offset + 1, start + offset === cursor)).join("")}`);
  }
  return [
    `${prefix} ${chalk.bold(`Review grid · ${formatRemaining(remaining ?? 0)} · ${summary(cells)}`)}`,
    ...rows,
    chalk.dim(`  ${chalk.green("✔")} answered  ○ unanswered  ${chalk.yellow("⚑")} flagged`),
    keyHelp([
      ["←→↑↓", "move"],
      ["enter", "open question"],
      ["s", "submit the exam"],
      ["ctrl+c", "pause"],
    ]),
  ].join("\n") + HIDE_CURSOR;
});
