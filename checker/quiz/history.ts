// The learner's quiz history: a schedule per answered question (spaced repetition), recent answers, mock-exam
// results and an exam paused half-way. It lives in .kafkalings-quiz.json beside the progress file rather than in
// it: quiz and exercise commands may run at the same time in two terminals, and each rewrites its whole file, so
// one file each means neither loses the other's writes; and a damaged quiz history never costs exercise progress.
import { z } from "zod";
import { inWorkspace } from "../runner/paths.ts";
import { readVersionedFile, writeVersionedFile, type VersionedFile } from "../runner/versioned-file.ts";
import { QUIZ_DOMAINS, type QuizDomain } from "./domains.ts";
import { examAttemptSchema, examResultSchema, type ExamAttempt, type ExamResult } from "./exam-attempt.ts";
import type { Tally } from "./scoring.ts";
import type { Question } from "./schema.ts";
import { nextSchedule, scheduleSchema } from "./srs.ts";

const FORMAT = "kafkalings-quiz";
/** Enough answers for "recent accuracy" in every domain, small enough to keep the file readable. */
const ANSWERS_KEPT = 2000;

export const QUIZ_MODES = ["practice", "review", "exam"] as const;
export type QuizMode = (typeof QUIZ_MODES)[number];

const answerSchema = z.object({
  id: z.string(),
  domain: z.enum(QUIZ_DOMAINS),
  topic: z.string(),
  correct: z.boolean(),
  at: z.iso.datetime(),
  mode: z.enum(QUIZ_MODES),
});

const historySchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  schedule: z.record(z.string(), scheduleSchema),
  answers: z.array(answerSchema),
  exams: z.array(examResultSchema),
  unfinishedExam: examAttemptSchema.nullable(),
});
export type QuizHistory = z.infer<typeof historySchema>;

export function quizHistoryFile(): string {
  return inWorkspace(".kafkalings-quiz.json");
}

function spec(): VersionedFile<QuizHistory> {
  return {
    path: quizHistoryFile(),
    format: FORMAT,
    label: "quiz history",
    schema: historySchema,
    empty: () => ({ format: FORMAT, version: 1, schedule: {}, answers: [], exams: [], unfinishedExam: null }),
  };
}

export function readQuizHistory(): QuizHistory {
  return readVersionedFile(spec());
}

function update(change: (history: QuizHistory) => void): QuizHistory {
  const history = readQuizHistory();
  change(history);
  history.answers = history.answers.slice(-ANSWERS_KEPT);
  writeVersionedFile(spec(), history);
  return history;
}

function logAnswer(history: QuizHistory, question: Question, correct: boolean, mode: QuizMode, now: Date): void {
  history.schedule[question.id] = nextSchedule(history.schedule[question.id], correct, now);
  history.answers.push({ id: question.id, domain: question.domain, topic: question.topic, correct, at: now.toISOString(), mode });
}

/** A practice or review answer: the question's next review date, and the answer for recent accuracy. */
export function recordAnswer(question: Question, correct: boolean, mode: Exclude<QuizMode, "exam">, now = new Date()): void {
  update((history) => logAnswer(history, question, correct, mode, now));
}

export function saveUnfinishedExam(attempt: ExamAttempt): void {
  update((history) => {
    history.unfinishedExam = attempt;
  });
}

/**
 * An exam that ended (submitted, out of time or abandoned): its result joins the history, the paused attempt is
 * cleared, and every question answered in it is scheduled like a practice answer.
 */
export function recordExam(result: ExamResult, answered: { question: Question; correct: boolean }[], now = new Date()): void {
  update((history) => {
    history.exams.push(result);
    history.unfinishedExam = null;
    for (const { question, correct } of answered) logAnswer(history, question, correct, "exam", now);
  });
}

/** How many of the last `last` answers in a domain were right. */
export function recentAccuracy(history: QuizHistory, domain: QuizDomain, last = 30): Tally {
  const recent = history.answers.filter((a) => a.domain === domain).slice(-last);
  return { correct: recent.filter((a) => a.correct).length, total: recent.length };
}
