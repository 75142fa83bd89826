// One question on the screen, for every type: pick one (single), tick N (multiple), say what comes next until all
// are placed (order, with take-back), or give each item its match (match). Built on @inquirer/core rather than
// select/checkbox because the exam needs a clock that ticks while the learner thinks, and keys to flag, skip, go
// back and open the review grid; practice uses the same screen, so answering works the same way everywhere.
import { createPrompt, isBackspaceKey, isDownKey, isEnterKey, isNumberKey, isSpaceKey, isUpKey, useKeypress, usePrefix, useState } from "@inquirer/core";
import chalk from "chalk";
import { cycleMatch, initialPicks, place, responseOf, takeBackLast, toggle, type Picks } from "../../quiz/answer-state.ts";
import type { Entry, Layout } from "../../quiz/layout.ts";
import type { Question, Response } from "../../quiz/schema.ts";
import { formatRemaining, useCountdown } from "./countdown.ts";
import { HIDE_CURSOR, keyHelp } from "./keys.ts";

export interface ExamControls {
  deadline: number;
  flagged: boolean;
}

export interface QuestionPromptConfig {
  /** e.g. "Question 3 of 10 · Producer acks". */
  header: string;
  question: Question;
  layout: Layout;
  /** The answer given on an earlier visit (exam). */
  previous?: Response;
  /** Present in the mock exam: the clock and the keys to flag, skip, go back and review. */
  exam?: ExamControls;
}

export type QuestionAction = "answer" | "next" | "back" | "grid" | "time-up";

export interface QuestionOutcome {
  action: QuestionAction;
  /** The full answer on screen when the learner left (undefined when it was incomplete). */
  response?: Response;
  flagged: boolean;
}

/** The list the cursor moves over: every option, the options not placed yet (order), or the items (match). */
function cursorList(layout: Layout, picks: Picks): Entry[] {
  return picks.type === "order" ? layout.entries.filter((e) => !picks.placed.includes(e.id)) : layout.entries;
}

/** How many options a multiple-answer question wants ticked. */
function required(question: Question): number {
  return question.type === "multiple" ? question.answer.length : 0;
}

function instructions(question: Question, layout: Layout, picks: Picks): string {
  switch (picks.type) {
    case "single":
      return "Pick one.";
    case "multiple":
      return `Choose ${required(question)} (${picks.ticked.length} ticked).`;
    case "order":
      return cursorList(layout, picks).length === 0 ? "All placed: enter to answer, backspace takes the last one back." : "Pick what comes next; backspace takes the last one back.";
    case "match":
      return "Give every item its match.";
  }
}

function textOf(id: string, entries: Entry[]): string {
  return entries.find((e) => e.id === id)!.text;
}

function entryLines(layout: Layout, picks: Picks, cursor: number): string[] {
  const list = cursorList(layout, picks);
  const lines: string[] = [];
  if (picks.type === "order") {
    lines.push(chalk.bold("Your order:") + (picks.placed.length ? "" : chalk.dim(" (nothing placed yet)")));
    picks.placed.forEach((id, index) => lines.push(`  ${index + 1}. ${textOf(id, layout.entries)}`));
    if (list.length) lines.push(chalk.bold("Comes next:"));
  }
  const width = Math.max(...layout.entries.map((e) => e.text.length));
  list.forEach((entry, index) => {
    const pointer = `${index === cursor ? "❯" : " "} ${index + 1}) `;
    let line = `${pointer}${entry.text}`;
    if (picks.type === "single") line = `${pointer}${picks.chosen === entry.id ? "●" : "○"} ${entry.text}`;
    if (picks.type === "multiple") line = `${pointer}${picks.ticked.includes(entry.id) ? "◉" : "◯"} ${entry.text}`;
    if (picks.type === "match") {
      const choice = picks.pairs[entry.id];
      line = `${pointer}${entry.text.padEnd(width)}  → ${choice ? textOf(choice, layout.choices) : chalk.dim("?")}`;
    }
    lines.push(index === cursor ? chalk.cyan(line) : line);
  });
  if (picks.type === "match") lines.push(chalk.dim("Choices (←→ goes through them in this order):"), ...layout.choices.map((c) => chalk.dim(`  · ${c.text}`)));
  return lines;
}

function helpLine(picks: Picks, exam: boolean): string {
  const pairs: [string, string][] = [["↑↓/1-9", picks.type === "match" ? "item" : "move"]];
  if (picks.type === "multiple") pairs.push(["space", "tick"]);
  if (picks.type === "order") pairs.push(["enter", "place"], ["⌫", "take back"]);
  if (picks.type === "match") pairs.push(["←→", "change match"]);
  pairs.push(["enter", "answer"]);
  if (exam) pairs.push(["n", "next"], ["b", "back"], ["f", "flag"], ["g", "review grid"], ["ctrl+c", "pause"]);
  return keyHelp(pairs);
}

export const questionPrompt = createPrompt<QuestionOutcome, QuestionPromptConfig>((config, done) => {
  const { question, layout, exam } = config;
  const [picks, setPicks] = useState<Picks>(() => initialPicks(question, config.previous));
  const [cursor, setCursor] = useState(() => Math.max(0, layout.entries.findIndex((e) => e.id === config.previous)));
  const [flagged, setFlagged] = useState(exam?.flagged ?? false);
  const [problem, setProblem] = useState("");
  const [finished, setFinished] = useState(false);
  const prefix = usePrefix({ status: finished ? "done" : "idle" });
  const list = cursorList(layout, picks);
  const active = list[Math.min(cursor, list.length - 1)];

  const finish = (action: QuestionAction, response = responseOf(question, picks)) => {
    setFinished(true);
    done({ action, response, flagged });
  };
  const remaining = useCountdown(exam?.deadline, () => finish("time-up"));

  const enter = () => {
    if (picks.type === "single" && active) return finish("answer", active.id);
    if (picks.type === "order" && active) {
      setPicks(place(picks, active.id));
      return setCursor(0);
    }
    const response = responseOf(question, picks);
    if (response === undefined) return setProblem(picks.type === "match" ? "Every item needs a match first (←→)." : `Tick exactly ${required(question)} first (space).`);
    finish("answer", response);
  };

  useKeypress((key, rl) => {
    rl.clearLine(0);
    if (finished) return;
    setProblem("");
    if (isEnterKey(key)) return enter();
    if (isUpKey(key) || isDownKey(key)) return setCursor((cursor + (isUpKey(key) ? -1 : 1) + list.length) % list.length);
    if (isNumberKey(key) && Number(key.name) >= 1 && Number(key.name) <= list.length) return setCursor(Number(key.name) - 1);
    if (isSpaceKey(key) && picks.type === "multiple" && active) return setPicks(toggle(picks, active.id));
    if (isBackspaceKey(key) && picks.type === "order") return setPicks(takeBackLast(picks));
    if ((key.name === "left" || key.name === "right") && picks.type === "match" && active) {
      return setPicks(cycleMatch(picks, active.id, layout.choices.map((c) => c.id), key.name === "right" ? 1 : -1));
    }
    if (!exam) return;
    if (key.name === "f") setFlagged(!flagged);
    else if (key.name === "n") finish("next");
    else if (key.name === "b") finish("back");
    else if (key.name === "g") finish("grid");
  });

  // Once answered, practice keeps the stem on screen for the verdict below it; the exam keeps one line per question.
  if (finished) return exam ? `${prefix} ${chalk.dim(config.header)}` : `${prefix} ${chalk.bold(config.header)}\n${question.stem}`;
  const status = [config.header, remaining === undefined ? "" : formatRemaining(remaining), flagged ? chalk.yellow("⚑ flagged") : ""].filter(Boolean).join(chalk.dim(" · "));
  const lines = [`${prefix} ${chalk.bold(status)}`, question.stem, chalk.dim(instructions(question, layout, picks)), ...entryLines(layout, picks, list.indexOf(active!))];
  if (problem) lines.push(chalk.red(problem));
  lines.push(helpLine(picks, exam !== undefined));
  return lines.join("\n") + HIDE_CURSOR;
});
