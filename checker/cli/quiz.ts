// npm run quiz: exam-style questions. Practice (mixed, by domain or by lesson) with the verdict and explanation after
// each answer; --review for what spaced repetition says is due; --exam for a timed 60-question mock exam;
// --prove <id> for a live proof on the cluster; --stats [--json] for what the bank holds.
import { ExitPromptError } from "@inquirer/core";
import chalk from "chalk";
import { Command, InvalidArgumentError } from "commander";
import { describeProblem, loadBank, quizDir, type Bank } from "../quiz/bank.ts";
import { findDomain, QUIZ_DOMAINS } from "../quiz/domains.ts";
import { EXAM_MINUTES, EXAM_QUESTIONS } from "../quiz/exam.ts";
import { readQuizHistory } from "../quiz/history.ts";
import { findProof, proofs } from "../quiz/proofs/index.ts";
import { quizRandom, shuffled } from "../quiz/random.ts";
import type { Question } from "../quiz/schema.ts";
import { practiceOrder, reviewQueue } from "../quiz/srs.ts";
import { bankStats } from "../quiz/stats.ts";
import { UsageError } from "./errors.ts";
import { runExam } from "./quiz/exam-session.ts";
import { ProofRunner } from "./quiz/live-proof.ts";
import { practise } from "./quiz/practice.ts";
import { renderStats } from "./quiz/stats-view.ts";
import { reportProgressResets, runCommand } from "./render.ts";

interface QuizOptions {
  domain?: string;
  lesson?: number;
  count?: number;
  review?: boolean;
  exam?: boolean;
  minutes?: number;
  prove?: string;
  stats?: boolean;
  json?: boolean;
}

const PRACTICE_QUESTIONS = 10;

function positiveNumber(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError("expected a positive number");
  return number;
}

function positiveInteger(value: string): number {
  const number = positiveNumber(value);
  if (!Number.isInteger(number)) throw new InvalidArgumentError("expected a whole number");
  return number;
}

/** Broken questions are named (file, line, id, field) and left out; the quiz goes on with the rest. */
function reportProblems(bank: Bank, all: boolean): void {
  const shown = all ? bank.problems : bank.problems.slice(0, 5);
  for (const problem of shown) console.error(`${chalk.yellow("!")} ${describeProblem(problem)}`);
  if (shown.length < bank.problems.length) console.error(chalk.yellow(`! …and ${bank.problems.length - shown.length} more; npm run quiz -- --stats lists them all.`));
  if (bank.problems.length) console.error(chalk.dim(`  Those questions are left out; ${bank.questions.length} questions load.`));
}

/** The questions the options ask for: one domain, one lesson, or all. */
function selected(questions: Question[], options: QuizOptions): Question[] {
  let chosen = questions;
  if (options.domain) {
    const domain = findDomain(options.domain);
    if (!domain) throw new UsageError(`There is no quiz domain "${options.domain}".`, `use one of: ${QUIZ_DOMAINS.map((d) => `"${d}"`).join(", ")} (or its id prefix, e.g. dev, fund)`);
    chosen = chosen.filter((q) => q.domain === domain);
  }
  if (options.lesson !== undefined) chosen = chosen.filter((q) => q.lesson === options.lesson);
  if (chosen.length === 0) throw new UsageError("No questions match that choice.", "try another --domain or --lesson, or leave them out for a mixed quiz");
  return chosen;
}

function examMinutes(options: QuizOptions): number {
  const fromEnv = process.env.KAFKALINGS_EXAM_MINUTES;
  return options.minutes ?? (fromEnv ? positiveNumber(fromEnv) : EXAM_MINUTES);
}

async function prove(id: string): Promise<number> {
  const proof = findProof(id);
  if (!proof) throw new UsageError(`There is no live proof "${id}".`, proofs.length ? `use one of: ${proofs.map((p) => p.id).join(", ")}` : "no live proofs are installed yet");
  const runner = new ProofRunner();
  try {
    return (await runner.run(proof)) ? 0 : 1;
  } finally {
    await runner.close();
  }
}

async function quiz(options: QuizOptions): Promise<number> {
  reportProgressResets();
  if (options.prove) return prove(options.prove);
  const bank = loadBank();
  reportProblems(bank, options.stats === true);
  if (options.stats) {
    console.log(options.json ? JSON.stringify(bankStats(bank.questions)) : renderStats(bank.questions));
    return 0;
  }
  if (bank.questions.length === 0) throw new UsageError(`The question bank in ${quizDir()} has no questions.`, "add questions (content/quizzes/*.yaml), or fix the ones reported above");
  const pool = selected(bank.questions, options);
  if (!process.stdin.isTTY) throw new UsageError("The quiz needs a terminal to answer in.", "run npm run quiz in a terminal; for the bank's figures: npm run quiz -- --stats --json");
  const random = quizRandom();
  if (options.exam) {
    await runExam({ bank: bank.questions, random, count: options.count ?? EXAM_QUESTIONS, minutes: examMinutes(options) });
    return 0;
  }
  const { schedule } = readQuizHistory();
  const queue = options.review ? reviewQueue(pool, schedule, new Date()) : practiceOrder(shuffled(pool, random), schedule, new Date());
  if (queue.length === 0) {
    console.log("Nothing is due for review. Practise new questions with: npm run quiz");
    return 0;
  }
  const runner = new ProofRunner();
  try {
    await practise(queue.slice(0, options.count ?? (options.review ? queue.length : PRACTICE_QUESTIONS)), options.review ? "review" : "practice", random, runner);
  } finally {
    await runner.close();
  }
  return 0;
}

await new Command("quiz")
  .description("exam-style questions: practice, review what is due, or a timed mock exam")
  .option("--domain <domain>", "practise one CCDAK domain (e.g. Fundamentals, dev, connect)")
  .option("--lesson <number>", "practise the questions of one lesson", positiveInteger)
  .option("--count <number>", `how many questions (practice: ${PRACTICE_QUESTIONS}; exam: ${EXAM_QUESTIONS})`, positiveInteger)
  .option("--review", "the questions spaced repetition says are due, the ones you missed first")
  .option("--exam", `a mock exam: ${EXAM_QUESTIONS} questions by the exam's domain weights, ${EXAM_MINUTES} minutes`)
  .option("--minutes <number>", "the mock exam's time (also KAFKALINGS_EXAM_MINUTES)", positiveNumber)
  .option("--prove <proof>", "run one live proof on the cluster")
  .option("--stats", "what the bank holds, per domain and type; lists every broken question")
  .option("--json", "with --stats: machine-readable")
  .action((options: QuizOptions) =>
    runCommand(async () => {
      try {
        return await quiz(options);
      } catch (error) {
        // Ctrl+C at a prompt: every answer is already saved, so this is an ordinary way to stop.
        if (!(error instanceof ExitPromptError)) throw error;
        console.log(chalk.dim("\nStopped. Every answer so far is saved."));
        return 0;
      }
    }),
  )
  .parseAsync();
