// Spaced repetition (Leitner boxes): right moves up a box and pushes the next review out, wrong goes back to box 1
// and is due at once; review serves due questions, the missed ones first.
import { describe, expect, it } from "vitest";
import { BOX_INTERVAL_DAYS, isDue, nextSchedule, practiceOrder, reviewQueue } from "../../checker/quiz/srs.ts";
import { singleQuestion } from "../support/questions.ts";

const DAY = 24 * 60 * 60 * 1000;
const start = new Date("2026-01-10T09:00:00Z");
const days = (n: number) => new Date(start.getTime() + n * DAY);

describe("nextSchedule", () => {
  it("walks up the boxes on right answers: due after 1, 3, 7, 16 days, and stays in the top box", () => {
    let schedule = nextSchedule(undefined, true, start);
    expect(schedule).toMatchObject({ box: 2, seen: 1, correct: 1, lastCorrect: true, due: days(1).toISOString() });
    const boxes = [schedule.box];
    for (let i = 0; i < 4; i++) {
      schedule = nextSchedule(schedule, true, start);
      boxes.push(schedule.box);
    }
    expect(boxes).toEqual([2, 3, 4, 5, 5]);
    expect(schedule.due).toBe(days(BOX_INTERVAL_DAYS[4]).toISOString());
  });

  it("sends a wrong answer back to box 1, due at once", () => {
    const high = nextSchedule(nextSchedule(nextSchedule(undefined, true, start), true, start), true, start);
    const missed = nextSchedule(high, false, days(10));
    expect(missed).toMatchObject({ box: 1, seen: 4, correct: 3, lastCorrect: false, due: days(10).toISOString() });
    expect(isDue(missed, days(10))).toBe(true);
  });

  it("is not due before its date", () => {
    const schedule = nextSchedule(undefined, true, start);
    expect(isDue(schedule, days(0.5))).toBe(false);
    expect(isDue(schedule, days(1))).toBe(true);
  });
});

describe("queues", () => {
  const [missed, overdue, notDue, unseen] = [singleQuestion(), singleQuestion(), singleQuestion(), singleQuestion()];
  const schedules = {
    [overdue.id]: nextSchedule(undefined, true, days(-5)),
    [missed.id]: nextSchedule(undefined, false, days(-1)),
    [notDue.id]: nextSchedule(undefined, true, start),
  };

  it("review: only due questions, the missed one before the longer-overdue right one", () => {
    expect(reviewQueue([unseen, notDue, overdue, missed], schedules, start).map((q) => q.id)).toEqual([missed.id, overdue.id]);
  });

  it("practice: due first, then never-seen, then the rest", () => {
    expect(practiceOrder([notDue, unseen, overdue, missed], schedules, start).map((q) => q.id)).toEqual([missed.id, overdue.id, unseen.id, notDue.id]);
  });
});
