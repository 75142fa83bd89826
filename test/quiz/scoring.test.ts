// Scoring: all-or-nothing per item for every type, unanswered counts as missed, tallies per domain and topic,
// and the weakest topics.
import { describe, expect, it } from "vitest";
import { isComplete, isCorrect, percent, scoreAnswers, weakestTopics } from "../../checker/quiz/scoring.ts";
import { questionSchema } from "../../checker/quiz/schema.ts";
import { singleQuestion } from "../support/questions.ts";

const base = { domain: "Fundamentals", topic: "T", lesson: 1, difficulty: "easy", versions: "all", explanation: "E.", doc: "https://kafka.apache.org/documentation/" };
const options = [
  { id: "a", text: "A" },
  { id: "b", text: "B" },
  { id: "c", text: "C" },
  { id: "d", text: "D" },
];
const multiple = questionSchema.parse({ ...base, id: "fund-m", type: "multiple", stem: "Which? (Choose two.)", options, answer: ["a", "c"], wrong: { b: "no", d: "no" } });
const order = questionSchema.parse({ ...base, id: "fund-o", type: "order", stem: "Order them.", options, answer: ["c", "a", "d", "b"] });
const match = questionSchema.parse({
  ...base,
  id: "fund-x",
  type: "match",
  stem: "Match.",
  items: options.slice(0, 3),
  choices: [
    { id: "p", text: "P" },
    { id: "q", text: "Q" },
    { id: "r", text: "R" },
  ],
  answer: { a: "q", b: "p", c: "q" },
});

describe("isCorrect", () => {
  it("single: only the answer's id", () => {
    const q = singleQuestion();
    expect(isCorrect(q, "a")).toBe(true);
    expect(isCorrect(q, "b")).toBe(false);
    expect(isCorrect(q, undefined)).toBe(false);
  });

  it("multiple: exactly the answer's set, in any order; a subset or an extra option is wrong", () => {
    expect(isCorrect(multiple, ["c", "a"])).toBe(true);
    expect(isCorrect(multiple, ["a"])).toBe(false);
    expect(isCorrect(multiple, ["a", "b"])).toBe(false);
    expect(isComplete(multiple, ["a", "b", "c"])).toBe(false);
  });

  it("order: the whole sequence, not just the same items", () => {
    expect(isCorrect(order, ["c", "a", "d", "b"])).toBe(true);
    expect(isCorrect(order, ["a", "c", "d", "b"])).toBe(false);
    expect(isComplete(order, ["c", "a", "d"])).toBe(false);
  });

  it("match: every pair, a choice may serve two items", () => {
    expect(isCorrect(match, { a: "q", b: "p", c: "q" })).toBe(true);
    expect(isCorrect(match, { a: "q", b: "p", c: "r" })).toBe(false);
    expect(isComplete(match, { a: "q", b: "p" })).toBe(false);
  });
});

describe("scoreAnswers", () => {
  it("counts unanswered as missed and tallies per domain and topic", () => {
    const acks = [singleQuestion("Application Development", "Acks"), singleQuestion("Application Development", "Acks")];
    const isr = singleQuestion("Fundamentals", "ISR");
    const score = scoreAnswers([...acks, isr], { [acks[0]!.id]: "a", [acks[1]!.id]: "b" });
    expect(score).toMatchObject({ correct: 1, total: 3, answered: 2 });
    expect(score.byDomain).toEqual({ "Application Development": { correct: 1, total: 2 }, Fundamentals: { correct: 0, total: 1 } });
    expect(score.missed.map((q) => q.id)).toEqual([acks[1]!.id, isr.id]);
    expect(percent(score)).toBe(33);
    expect(weakestTopics(score.byTopic).map((t) => t.topic)).toEqual(["ISR", "Acks"]);
  });

  it("leaves fully right topics out of the weakest, and ranks equal shares by the number of misses", () => {
    const topics = [
      { topic: "Fine", domain: "Streams" as const, correct: 2, total: 2 },
      { topic: "One miss", domain: "Streams" as const, correct: 0, total: 1 },
      { topic: "Two misses", domain: "Streams" as const, correct: 0, total: 2 },
    ];
    expect(weakestTopics(topics).map((t) => t.topic)).toEqual(["Two misses", "One miss"]);
  });
});
