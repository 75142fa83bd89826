// Spaced repetition with Leitner boxes: a right answer moves a question up a box (seen again later and later),
// a wrong one sends it back to box 1 (due again at once). Schedules live in the quiz history file.
import { z } from "zod";
import type { Question } from "./schema.ts";

/** Days until a question in box 1…5 is due again. */
export const BOX_INTERVAL_DAYS = [0, 1, 3, 7, 16] as const;
const DAY_MS = 24 * 60 * 60 * 1000;

export const scheduleSchema = z.object({
  box: z.number().int().min(1).max(BOX_INTERVAL_DAYS.length),
  due: z.iso.datetime(),
  seen: z.number().int().nonnegative(),
  correct: z.number().int().nonnegative(),
  lastAnsweredAt: z.iso.datetime(),
  lastCorrect: z.boolean(),
});
export type Schedule = z.infer<typeof scheduleSchema>;

/** A question answered right for the first time starts in box 2 (tomorrow); one answered wrong in box 1. */
export function nextSchedule(previous: Schedule | undefined, correct: boolean, now: Date): Schedule {
  const box = correct ? Math.min((previous?.box ?? 1) + 1, BOX_INTERVAL_DAYS.length) : 1;
  return {
    box,
    due: new Date(now.getTime() + BOX_INTERVAL_DAYS[box - 1]! * DAY_MS).toISOString(),
    seen: (previous?.seen ?? 0) + 1,
    correct: (previous?.correct ?? 0) + (correct ? 1 : 0),
    lastAnsweredAt: now.toISOString(),
    lastCorrect: correct,
  };
}

export function isDue(schedule: Schedule, now: Date): boolean {
  return Date.parse(schedule.due) <= now.getTime();
}

type Schedules = Record<string, Schedule>;

/** Due questions: the ones last answered wrong first, then the longest overdue. */
export function reviewQueue(questions: Question[], schedules: Schedules, now: Date): Question[] {
  return questions
    .filter((q) => schedules[q.id] && isDue(schedules[q.id]!, now))
    .sort((a, b) => {
      const [x, y] = [schedules[a.id]!, schedules[b.id]!];
      return Number(x.lastCorrect) - Number(y.lastCorrect) || Date.parse(x.due) - Date.parse(y.due);
    });
}

/** For practice: what is due (missed first), then questions never answered (in the given order), then the rest, soonest due first. */
export function practiceOrder(questions: Question[], schedules: Schedules, now: Date): Question[] {
  const due = reviewQueue(questions, schedules, now);
  const unseen = questions.filter((q) => !schedules[q.id]);
  const later = questions.filter((q) => schedules[q.id] && !isDue(schedules[q.id]!, now)).sort((a, b) => Date.parse(schedules[a.id]!.due) - Date.parse(schedules[b.id]!.due));
  return [...due, ...unseen, ...later];
}

/** When the next question falls due, if any is scheduled. */
export function nextDue(schedules: Schedules): Date | undefined {
  const times = Object.values(schedules).map((s) => Date.parse(s.due));
  return times.length ? new Date(Math.min(...times)) : undefined;
}
