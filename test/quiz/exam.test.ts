// The mock exam's draw: 60 questions by the exam's weights, never Legacy, no repeats, short domains made up for.
import { describe, expect, it } from "vitest";
import { EXAM_WEIGHTS } from "../../checker/quiz/domains.ts";
import { drawExam, examQuota } from "../../checker/quiz/exam.ts";
import { seededRandom } from "../../checker/quiz/random.ts";
import { questionsIn } from "../support/questions.ts";

const plenty = { "Application Development": 100, Fundamentals: 100, Connect: 100, Observability: 100, Streams: 100, Testing: 100 };

describe("examQuota", () => {
  it("splits 60 by 28/23/15/13/12/8 with the largest remainders rounding up", () => {
    // 60 × w / 99: 16.97, 13.94, 9.09, 7.88, 7.27, 4.85
    expect(examQuota(plenty)).toEqual({ "Application Development": 17, Fundamentals: 14, Connect: 9, Observability: 8, Streams: 7, Testing: 5 });
  });

  it("gives a short domain's seats to the others by weight, and never more than the bank has", () => {
    const quota = examQuota({ ...plenty, Connect: 2, Testing: 0 });
    expect(quota.Connect).toBe(2);
    expect(quota.Testing).toBe(0);
    expect(Object.values(quota).reduce((a, b) => a + b, 0)).toBe(60);
    expect(quota["Application Development"]).toBeGreaterThan(17);
  });

  it("draws everything there is when the bank is smaller than the exam", () => {
    expect(examQuota({ Fundamentals: 3, Streams: 1 })).toMatchObject({ Fundamentals: 3, Streams: 1, Connect: 0 });
  });
});

describe("drawExam", () => {
  const bank = [
    ...questionsIn("Application Development", 40),
    ...questionsIn("Fundamentals", 40),
    ...questionsIn("Connect", 40),
    ...questionsIn("Observability", 40),
    ...questionsIn("Streams", 40),
    ...questionsIn("Testing", 40),
    ...questionsIn("Legacy", 40),
  ];

  it("draws 60 distinct non-Legacy questions, each domain by its quota", () => {
    const exam = drawExam(bank, seededRandom(1));
    expect(exam).toHaveLength(60);
    expect(new Set(exam.map((q) => q.id)).size).toBe(60);
    expect(exam.some((q) => q.domain === "Legacy")).toBe(false);
    const counts = Object.fromEntries(Object.keys(EXAM_WEIGHTS).map((d) => [d, exam.filter((q) => q.domain === d).length]));
    expect(counts).toEqual(examQuota(plenty));
  });

  it("mixes the domains and differs between seeds, but repeats with the same seed", () => {
    const first = drawExam(bank, seededRandom(1)).map((q) => q.id);
    expect(drawExam(bank, seededRandom(1)).map((q) => q.id)).toEqual(first);
    expect(drawExam(bank, seededRandom(2)).map((q) => q.id)).not.toEqual(first);
    const domainsOfFirstTen = new Set(drawExam(bank, seededRandom(3)).slice(0, 10).map((q) => q.domain));
    expect(domainsOfFirstTen.size).toBeGreaterThan(1);
  });
});
