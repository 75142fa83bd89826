// What the bank holds: questions per domain and per type, how many have a live proof, and each exam domain's
// share of the non-Legacy questions (which the bank's test holds to the exam's weights).
import { DOMAINS } from "../runner/manifest.ts";
import { QUIZ_DOMAINS, type ExamDomain, type QuizDomain } from "./domains.ts";
import { QUESTION_TYPES, type Question, type QuestionType } from "./schema.ts";

export interface BankStats {
  total: number;
  byDomain: Record<QuizDomain, number>;
  byType: Record<QuestionType, number>;
  proofs: number;
}

function countBy<K extends string>(keys: readonly K[], questions: Question[], key: (q: Question) => K): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, questions.filter((q) => key(q) === k).length])) as Record<K, number>;
}

export function bankStats(questions: Question[]): BankStats {
  return {
    total: questions.length,
    byDomain: countBy(QUIZ_DOMAINS, questions, (q) => q.domain),
    byType: countBy(QUESTION_TYPES, questions, (q) => q.type),
    proofs: questions.filter((q) => q.proof !== undefined).length,
  };
}

/** Percent of the non-Legacy questions in each exam domain. */
export function examDomainShares(questions: Question[]): Record<ExamDomain, number> {
  const exam = questions.filter((q) => q.domain !== "Legacy");
  const counts = countBy(DOMAINS, exam, (q) => q.domain as ExamDomain);
  return Object.fromEntries(DOMAINS.map((d) => [d, exam.length ? (counts[d] / exam.length) * 100 : 0])) as Record<ExamDomain, number>;
}
