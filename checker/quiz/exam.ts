// The mock exam's draw: 60 questions spread over the six domains by the exam's weights (largest remainder), never
// Legacy. A domain with too few questions gives its share to the others, by the same weights.
import { DOMAINS } from "../runner/manifest.ts";
import { EXAM_WEIGHTS, type ExamDomain } from "./domains.ts";
import { shuffled, type Random } from "./random.ts";
import type { Question } from "./schema.ts";

export const EXAM_QUESTIONS = 60;
export const EXAM_MINUTES = 90;

/** Splits `total` seats over `domains` by weight: whole parts first, the leftovers to the largest remainders. */
function apportion(total: number, domains: ExamDomain[]): Map<ExamDomain, number> {
  const weightSum = domains.reduce((sum, d) => sum + EXAM_WEIGHTS[d], 0);
  const exact = domains.map((domain) => ({ domain, share: (total * EXAM_WEIGHTS[domain]) / weightSum }));
  const seats = new Map(exact.map(({ domain, share }) => [domain, Math.floor(share)]));
  const left = total - [...seats.values()].reduce((a, b) => a + b, 0);
  const byRemainder = [...exact].sort((a, b) => (b.share % 1) - (a.share % 1) || EXAM_WEIGHTS[b.domain] - EXAM_WEIGHTS[a.domain]);
  for (const { domain } of byRemainder.slice(0, left)) seats.set(domain, seats.get(domain)! + 1);
  return seats;
}

/** How many questions each domain gets, given how many it has. */
export function examQuota(available: Partial<Record<ExamDomain, number>>, count = EXAM_QUESTIONS): Record<ExamDomain, number> {
  const quota = Object.fromEntries(DOMAINS.map((d) => [d, 0])) as Record<ExamDomain, number>;
  let open = DOMAINS.filter((d) => (available[d] ?? 0) > 0);
  let left = Math.min(count, open.reduce((sum, d) => sum + available[d]!, 0));
  for (;;) {
    const seats = apportion(left, open);
    const short = open.filter((d) => seats.get(d)! > available[d]!);
    if (short.length === 0) {
      for (const [domain, n] of seats) quota[domain] = n;
      return quota;
    }
    for (const domain of short) {
      quota[domain] = available[domain]!;
      left -= available[domain]!;
    }
    open = open.filter((d) => !short.includes(d));
  }
}

/** The exam's questions, in a random order that mixes the domains. */
export function drawExam(questions: Question[], random: Random, count = EXAM_QUESTIONS): Question[] {
  const byDomain = new Map<ExamDomain, Question[]>(DOMAINS.map((d) => [d, questions.filter((q) => q.domain === d)]));
  const quota = examQuota(Object.fromEntries([...byDomain].map(([d, qs]) => [d, qs.length])), count);
  const drawn = DOMAINS.flatMap((domain) => shuffled(byDomain.get(domain)!, random).slice(0, quota[domain]));
  return shuffled(drawn, random);
}
