// The question bank: every rule of the writers' contract over the real bank in content/quizzes, and the loader's
// behaviour on broken files (each broken question named by file, line, id and field; the rest still loads).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { afterEach, describe, expect, it } from "vitest";
import { describeProblem, loadBank, parseQuizFile, quizDir } from "../../checker/quiz/bank.ts";
import { EXAM_WEIGHTS } from "../../checker/quiz/domains.ts";
import { proofs } from "../../checker/quiz/proofs/index.ts";
import { requiredCount, type Question } from "../../checker/quiz/schema.ts";
import { examDomainShares } from "../../checker/quiz/stats.ts";
import { REPO } from "../support/paths.ts";

const REAL_BANK = join(REPO, "content", "quizzes");
const FIXTURES = join(REPO, "test", "fixtures", "quizzes");

describe("the real bank", () => {
  const bank = loadBank(REAL_BANK);
  const examBank = bank.questions.filter((q) => q.domain !== "Legacy");

  it("has no question that fails the schema or the contract's rules", () => {
    expect(bank.problems.map(describeProblem)).toEqual([]);
  });

  it("uses every id once across all files", () => {
    const ids = readdirSync(REAL_BANK)
      .filter((name) => name.endsWith(".yaml"))
      .flatMap((name) => (parse(readFileSync(join(REAL_BANK, name), "utf8")) as { questions: { id: string }[] }).questions.map((q) => q.id));
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it("has answers among the options, the right number of them per type, and a reason for every wrong option", () => {
    const faults: string[] = [];
    for (const q of bank.questions) {
      if (q.type === "match") {
        const choices = q.choices.map((c) => c.id);
        if (q.items.some((item) => !choices.includes(q.answer[item.id] ?? ""))) faults.push(`${q.id}: an item without a valid choice`);
        continue;
      }
      const ids = q.options.map((o) => o.id);
      const answer = typeof q.answer === "string" ? [q.answer] : q.answer;
      if (answer.some((id) => !ids.includes(id))) faults.push(`${q.id}: an answer that is not an option`);
      if (q.type === "multiple" && (answer.length < 2 || requiredCount(q.stem) !== answer.length)) faults.push(`${q.id}: "(Choose N.)" does not match ${answer.length} answers`);
      if (q.type === "order" && [...answer].sort().join() !== [...ids].sort().join()) faults.push(`${q.id}: the order does not list every option once`);
      if (q.type !== "order") {
        const wrongIds = Object.keys(q.wrong).sort().join();
        if (wrongIds !== ids.filter((id) => !answer.includes(id)).join()) faults.push(`${q.id}: wrong explains ${wrongIds}`);
      }
    }
    expect(faults).toEqual([]);
  });

  it("has no duplicate option texts, and an explanation and an https doc link on every question", () => {
    const texts = (q: Question) => (q.type === "match" ? [q.items, q.choices] : [q.options]).map((list) => list.map((e) => e.text.toLowerCase()));
    const faults = bank.questions.flatMap((q) => [
      ...texts(q).filter((list) => new Set(list).size !== list.length).map(() => `${q.id}: duplicate option text`),
      ...(q.explanation.trim() ? [] : [`${q.id}: no explanation`]),
      ...(q.doc.startsWith("https://") ? [] : [`${q.id}: doc is not https`]),
    ]);
    expect(faults).toEqual([]);
  });

  it("holds at least 300 non-Legacy questions", () => {
    expect(examBank.length).toBeGreaterThanOrEqual(300);
  });

  it("spreads the non-Legacy questions within ±3 points of the exam's weights", () => {
    const shares = examDomainShares(bank.questions);
    for (const [domain, weight] of Object.entries(EXAM_WEIGHTS)) {
      expect(Math.abs(shares[domain as keyof typeof shares] - weight), `${domain}: ${shares[domain as keyof typeof shares].toFixed(1)}% of the bank, the exam weighs it ${weight}%`).toBeLessThanOrEqual(3);
    }
  });

  it("has at least 15% multiple-answer, 15 order and 15 match questions outside Legacy", () => {
    const count = (type: Question["type"]) => examBank.filter((q) => q.type === type).length;
    expect(count("multiple") / examBank.length).toBeGreaterThanOrEqual(0.15);
    expect(count("order")).toBeGreaterThanOrEqual(15);
    expect(count("match")).toBeGreaterThanOrEqual(15);
  });

  it("refers only to live proofs that exist", () => {
    const known = new Set(proofs.map((p) => p.id));
    expect(bank.questions.filter((q) => q.proof && !known.has(q.proof)).map((q) => `${q.id} → ${q.proof}`)).toEqual([]);
  });
});

describe("loading broken files", () => {
  const bank = loadBank(join(FIXTURES, "malformed"));
  const broken = "test/fixtures/quizzes/malformed/b-broken.yaml";

  it("loads the valid questions of every file and leaves the broken ones out", () => {
    expect(bank.questions.map((q) => q.id)).toEqual(["fund-valid-partitions", "con-still-loads"]);
  });

  it("names the file, line, question and field of every broken question", () => {
    expect(bank.problems).toEqual(
      expect.arrayContaining([
        { file: broken, line: 23, question: "fund-no-explanation", field: "explanation", message: "is missing" },
        { file: broken, line: 53, question: "dev-answer-not-an-option", field: "answer", message: '"e" is not one of the options (a, b, c)' },
        { file: broken, line: 76, question: "dev-wrong-incomplete", field: "wrong", message: 'says nothing about option "c", which is not an answer' },
        { file: broken, line: 90, question: "fund-duplicate-text", field: "options.2.text", message: 'the same text as options "a"' },
        { file: broken, line: 105, question: "str-choose-count-mismatch", field: "stem", message: "says choose 3, but the answer has 2" },
        { file: broken, line: 118, question: "fund-valid-partitions", field: "id", message: "the same id as a question in test/fixtures/quizzes/malformed/a-valid.yaml; this one is left out" },
        { file: broken, line: 154, question: "obs-plain-http-doc", field: "doc", message: "an https:// URL of a public doc page" },
        { file: broken, line: 156, question: "test-field-typo", field: "explaination", message: "is not a known field (a typo?)" },
      ]),
    );
    expect(describeProblem(bank.problems[0]!)).toBe(`${broken}:23 question fund-no-explanation, field "explanation": is missing`);
  });

  it("skips a file that is not valid YAML, naming the file and the line", () => {
    const syntax = bank.problems.filter((p) => p.file.endsWith("c-syntax-error.yaml"));
    expect(syntax).toHaveLength(1);
    expect(syntax[0]).toMatchObject({ line: 10, message: expect.stringMatching(/^not valid YAML, the file is skipped: /) });
    expect(bank.problems).toHaveLength(9);
  });

  it("says so when a file has no `questions:` list, or the folder does not exist", () => {
    expect(parseQuizFile("/elsewhere/x.yaml", "- id: a\n").problems).toEqual([{ file: "/elsewhere/x.yaml", message: "expected `questions:` with a list of questions at the top" }]);
    expect(loadBank(join(FIXTURES, "missing")).problems).toEqual([{ file: "test/fixtures/quizzes/missing", message: "no such folder" }]);
  });
});

describe("where the bank is", () => {
  afterEach(() => {
    delete process.env.KAFKALINGS_QUIZ_DIR;
  });

  it("is content/quizzes unless KAFKALINGS_QUIZ_DIR names another folder (relative to the kit or absolute)", () => {
    expect(quizDir()).toBe(REAL_BANK);
    process.env.KAFKALINGS_QUIZ_DIR = "test/fixtures/quizzes/bank";
    expect(quizDir()).toBe(join(FIXTURES, "bank"));
    expect(loadBank().questions).toHaveLength(6);
  });
});
