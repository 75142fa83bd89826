// The mock exam: draw (or resume) an attempt, go through the questions with the clock running, flag and come back,
// review the grid, submit (or run out of time), then the report. The attempt is saved before every screen, so
// Ctrl+C pauses it with every answer kept; the next `--exam` offers to resume it, submit it, or abandon it.
import { AbortPromptError, ExitPromptError } from "@inquirer/core";
import { confirm, select } from "@inquirer/prompts";
import chalk from "chalk";
import { attemptQuestions, finishAttempt, startAttempt, type ExamAttempt, type ExamOutcome } from "../../quiz/exam-attempt.ts";
import { drawExam } from "../../quiz/exam.ts";
import { readQuizHistory, recordExam, saveUnfinishedExam } from "../../quiz/history.ts";
import { layOut, type Layout } from "../../quiz/layout.ts";
import type { Random } from "../../quiz/random.ts";
import { isComplete, isCorrect } from "../../quiz/scoring.ts";
import type { Question } from "../../quiz/schema.ts";
import { formatRemaining } from "./countdown.ts";
import { renderExamReport } from "./exam-report.ts";
import { questionPrompt } from "./question-prompt.ts";
import { reviewGrid, summary, type GridCell } from "./review-grid.ts";

export interface ExamOptions {
  bank: Question[];
  random: Random;
  count: number;
  minutes: number;
}

function cells(attempt: ExamAttempt, questions: Question[]): GridCell[] {
  return questions.map((q) => ({ answered: isComplete(q, attempt.responses[q.id]), flagged: attempt.flagged.includes(q.id) }));
}

function finish(attempt: ExamAttempt, questions: Question[], layouts: Map<string, Layout>, outcome: ExamOutcome): void {
  const { result, score } = finishAttempt(attempt, questions, outcome, new Date());
  const answered = questions.filter((q) => isComplete(q, attempt.responses[q.id])).map((q) => ({ question: q, correct: isCorrect(q, attempt.responses[q.id]) }));
  recordExam(result, answered);
  if (outcome !== "abandoned") console.log(renderExamReport({ result, score, questions, layouts, responses: attempt.responses }));
}

function layoutsFor(questions: Question[], random: Random): Map<string, Layout> {
  return new Map(questions.map((q) => [q.id, layOut(q, random)]));
}

/** A paused attempt to resume, or a new one; undefined when the learner submitted the paused one instead. */
async function chooseAttempt(options: ExamOptions): Promise<ExamAttempt | undefined> {
  const paused = readQuizHistory().unfinishedExam;
  if (paused) {
    const questions = attemptQuestions(paused, options.bank);
    const answered = cells(paused, questions).filter((c) => c.answered).length;
    const choice = await select({
      message: `You paused a mock exam started ${new Date(paused.startedAt).toLocaleString()}: ${answered} of ${questions.length} answered, ${formatRemaining(paused.remainingMs)}.`,
      choices: [
        { name: "Resume it", value: "resume" },
        { name: `Submit it now with the ${answered} answers given`, value: "submitted" },
        { name: "Abandon it (kept in your history as abandoned) and start a new one", value: "abandoned" },
      ] as const,
    });
    if (choice === "resume") return paused;
    finish(paused, questions, layoutsFor(questions, options.random), choice);
    if (choice === "submitted") return undefined;
    console.log(chalk.dim("The paused exam is recorded as abandoned."));
  }
  const drawn = drawExam(options.bank, options.random, options.count);
  if (drawn.length < options.count) console.log(chalk.yellow(`! The bank has only ${drawn.length} exam questions, so this mock exam has ${drawn.length}.`));
  const attempt = startAttempt(drawn, options.minutes * 60_000, new Date());
  console.log(chalk.bold(`Mock exam: ${drawn.length} questions, ${options.minutes} minutes.`) + chalk.dim(" Flag with f, review with g, Ctrl+C pauses."));
  return attempt;
}

/** Goes through the exam until it is submitted or time is up; Ctrl+C (ExitPromptError) leaves it saved. */
async function sit(attempt: ExamAttempt, questions: Question[], layouts: Map<string, Layout>): Promise<ExamOutcome> {
  const deadline = Date.now() + attempt.remainingMs;
  const save = () => {
    attempt.remainingMs = Math.max(0, deadline - Date.now());
    saveUnfinishedExam(attempt);
  };
  let gridStart = questions.length - 1;
  try {
    for (;;) {
      save();
      if (attempt.position >= questions.length) {
        const outcome = await reviewGrid({ cells: cells(attempt, questions), deadline, start: gridStart });
        if (outcome.action === "time-up") return "time-up";
        if (outcome.action === "open") attempt.position = outcome.index;
        else if (await confirmSubmit(attempt, questions, deadline)) return "submitted";
        continue;
      }
      const question = questions[attempt.position]!;
      const outcome = await questionPrompt({
        header: `Question ${attempt.position + 1} of ${questions.length}`,
        question,
        layout: layouts.get(question.id)!,
        previous: attempt.responses[question.id],
        exam: { deadline, flagged: attempt.flagged.includes(question.id) },
      });
      if (outcome.response !== undefined) attempt.responses[question.id] = outcome.response;
      attempt.flagged = attempt.flagged.filter((id) => id !== question.id).concat(outcome.flagged ? [question.id] : []);
      if (outcome.action === "time-up") return "time-up";
      gridStart = Math.min(attempt.position, questions.length - 1);
      if (outcome.action === "back") attempt.position = Math.max(0, attempt.position - 1);
      else attempt.position = outcome.action === "grid" ? questions.length : attempt.position + 1;
    }
  } catch (error) {
    if (error instanceof AbortPromptError) return "time-up";
    if (error instanceof ExitPromptError) save();
    throw error;
  }
}

async function confirmSubmit(attempt: ExamAttempt, questions: Question[], deadline: number): Promise<boolean> {
  const all = cells(attempt, questions);
  const open = all.filter((c) => !c.answered || c.flagged).length;
  return confirm({ message: `Submit the exam? ${summary(all)}.`, default: open === 0 }, { signal: AbortSignal.timeout(Math.max(0, deadline - Date.now())) });
}

export async function runExam(options: ExamOptions): Promise<void> {
  const attempt = await chooseAttempt(options);
  if (!attempt) return;
  const questions = attemptQuestions(attempt, options.bank);
  const layouts = layoutsFor(questions, options.random);
  try {
    const outcome = await sit(attempt, questions, layouts);
    if (outcome === "time-up") console.log(chalk.yellow.bold("\nTime is up: the exam is submitted with the answers given."));
    finish(attempt, questions, layouts, outcome);
  } catch (error) {
    if (!(error instanceof ExitPromptError)) throw error;
    const answered = cells(attempt, questions).filter((c) => c.answered).length;
    console.log(`\n${chalk.bold(`Exam paused: ${answered} of ${questions.length} answered, ${formatRemaining(attempt.remainingMs)}.`)} Resume it with: npm run quiz -- --exam`);
  }
}
