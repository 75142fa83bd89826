// How ready the learner is, per CCDAK domain: exercises passed and recent quiz accuracy as bars, and the trend of
// mock-exam scores. Shown by `npm run progress` and the home screen.
import chalk from "chalk";
import { EXAM_WEIGHTS } from "../quiz/domains.ts";
import { readQuizHistory, recentAccuracy } from "../quiz/history.ts";
import { percent } from "../quiz/scoring.ts";
import { DOMAINS, loadExercises } from "../runner/manifest.ts";
import { bar, sparkline } from "./bars.ts";
import { displayStatus } from "./views.ts";

/** Answers per domain that make "recent" accuracy. */
const RECENT_ANSWERS = 30;
const EXAMS_LISTED = 5;

export function progressByDomain(): string {
  const exercises = loadExercises();
  const history = readQuizHistory();
  return DOMAINS.map((domain) => {
    const mine = exercises.filter((e) => e.domain === domain);
    const done = mine.filter((e) => displayStatus(e) === "passed").length;
    const accuracy = recentAccuracy(history, domain, RECENT_ANSWERS);
    const exercisesText = mine.length ? `${done}/${mine.length} exercises`.padEnd(16) : chalk.dim("no exercises yet".padEnd(16));
    const quizText = accuracy.total ? `${String(percent(accuracy)).padStart(3)}% of the last ${accuracy.total} answers` : chalk.dim("no answers yet");
    return `${domain.padEnd(24)} ${chalk.dim(`${String(EXAM_WEIGHTS[domain]).padStart(2)}% of the exam`)}  ${bar(done, mine.length, 12)} ${exercisesText}  quiz ${bar(accuracy.correct, accuracy.total, 12)} ${quizText}`;
  }).join("\n");
}

export function examTrend(): string {
  const exams = readQuizHistory().exams;
  const taken = exams.filter((e) => e.outcome !== "abandoned");
  if (taken.length === 0) return chalk.dim("No mock exam yet: npm run quiz -- --exam");
  const scores = taken.map((e) => percent(e));
  const abandoned = exams.length - taken.length;
  const lines = [
    `${chalk.bold("Mock exams")}  ${sparkline(scores)}  last ${scores.at(-1)}% · best ${Math.max(...scores)}% · ${taken.length} taken${abandoned ? ` · ${abandoned} abandoned` : ""}`,
  ];
  for (const exam of taken.slice(-EXAMS_LISTED)) {
    const when = new Date(exam.finishedAt).toLocaleString();
    lines.push(`  ${when.padEnd(24)} ${bar(exam.correct, exam.total, 12)} ${String(percent(exam)).padStart(3)}%  ${exam.correct}/${exam.total}${exam.outcome === "time-up" ? chalk.dim("  (time ran out)") : ""}`);
  }
  return lines.join("\n");
}
