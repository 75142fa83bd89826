// A mock exam in progress (answers, flags, where the learner is, time left) and its record once it ends. The
// attempt is saved after every step, so Ctrl+C or a crash keeps every answer given.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { QUIZ_DOMAINS } from "./domains.ts";
import { scoreAnswers, type Score } from "./scoring.ts";
import { responseSchema, type Question } from "./schema.ts";

export const examAttemptSchema = z.object({
  id: z.string(),
  startedAt: z.iso.datetime(),
  durationMs: z.number().positive(),
  /** Time left when the attempt was last saved; the clock stops while the exam is paused. */
  remainingMs: z.number(),
  questionIds: z.array(z.string()).min(1),
  responses: z.record(z.string(), responseSchema),
  flagged: z.array(z.string()),
  position: z.number().int().nonnegative(),
});
export type ExamAttempt = z.infer<typeof examAttemptSchema>;

const tallySchema = z.object({ correct: z.number().int().nonnegative(), total: z.number().int().nonnegative() });

export const examOutcomes = ["submitted", "time-up", "abandoned"] as const;
export type ExamOutcome = (typeof examOutcomes)[number];

export const examResultSchema = z.object({
  id: z.string(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  outcome: z.enum(examOutcomes),
  total: z.number().int().nonnegative(),
  answered: z.number().int().nonnegative(),
  correct: z.number().int().nonnegative(),
  byDomain: z.partialRecord(z.enum(QUIZ_DOMAINS), tallySchema),
  missed: z.array(z.string()),
});
export type ExamResult = z.infer<typeof examResultSchema>;

export function startAttempt(questions: Question[], durationMs: number, now: Date): ExamAttempt {
  return { id: randomUUID(), startedAt: now.toISOString(), durationMs, remainingMs: durationMs, questionIds: questions.map((q) => q.id), responses: {}, flagged: [], position: 0 };
}

/** The attempt's questions as the bank has them now; any removed from the bank meanwhile are left out. */
export function attemptQuestions(attempt: ExamAttempt, bank: Question[]): Question[] {
  return attempt.questionIds.map((id) => bank.find((q) => q.id === id)).filter((q): q is Question => q !== undefined);
}

export function finishAttempt(attempt: ExamAttempt, questions: Question[], outcome: ExamOutcome, now: Date): { result: ExamResult; score: Score } {
  const score = scoreAnswers(questions, attempt.responses);
  const result: ExamResult = {
    id: attempt.id,
    startedAt: attempt.startedAt,
    finishedAt: now.toISOString(),
    outcome,
    total: score.total,
    answered: score.answered,
    correct: score.correct,
    byDomain: score.byDomain,
    missed: score.missed.map((q) => q.id),
  };
  return { result, score };
}
