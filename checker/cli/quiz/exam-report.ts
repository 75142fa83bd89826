// The mock exam's results: the score overall and per domain (bars), the weakest topics, and every missed
// question with its verdict and explanation.
import chalk from "chalk";
import type { ExamResult } from "../../quiz/exam-attempt.ts";
import { EXAM_WEIGHTS, QUIZ_DOMAINS, isExamDomain } from "../../quiz/domains.ts";
import type { Layout } from "../../quiz/layout.ts";
import { percent, weakestTopics, type Score } from "../../quiz/scoring.ts";
import type { Question, Response } from "../../quiz/schema.ts";
import { bar } from "../bars.ts";
import { renderVerdict } from "./verdict.ts";

const OUTCOME_TEXT = { submitted: "submitted", "time-up": "time was up", abandoned: "abandoned" } as const;

export interface ExamReportInput {
  result: ExamResult;
  score: Score;
  questions: Question[];
  layouts: Map<string, Layout>;
  responses: Record<string, Response>;
}

export function renderExamReport({ result, score, questions, layouts, responses }: ExamReportInput): string {
  const lines = [
    "",
    chalk.bold(`Mock exam: ${score.correct} of ${score.total} right (${percent(score)}%)`) + chalk.dim(` · ${score.answered} answered · ${OUTCOME_TEXT[result.outcome]}`),
    chalk.dim("Confluent publishes no pass mark and shows pass/fail only; aim well above 70% here."),
    "",
    chalk.bold("By domain"),
  ];
  for (const domain of QUIZ_DOMAINS) {
    const tally = score.byDomain[domain];
    if (!tally) continue;
    const weight = isExamDomain(domain) ? chalk.dim(` (${EXAM_WEIGHTS[domain]}% of the exam)`) : "";
    lines.push(`  ${domain.padEnd(24)} ${bar(tally.correct, tally.total)} ${String(percent(tally)).padStart(3)}%  ${tally.correct}/${tally.total}${weight}`);
  }
  const weakest = weakestTopics(score.byTopic);
  if (weakest.length) {
    lines.push("", chalk.bold("Weakest topics"));
    for (const topic of weakest) lines.push(`  ${topic.topic} ${chalk.dim(`(${topic.domain})`)}: ${topic.correct} of ${topic.total} right`);
  }
  if (score.missed.length) {
    lines.push("", chalk.bold(`Missed questions (${score.missed.length})`));
    for (const question of score.missed) {
      const number = questions.indexOf(question) + 1;
      lines.push("", chalk.bold(`Question ${number} · ${question.domain} · ${question.topic}`), question.stem, renderVerdict(question, layouts.get(question.id)!, responses[question.id]));
    }
  }
  return lines.join("\n");
}
