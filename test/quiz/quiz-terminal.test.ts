// The real `npm run quiz` in a pseudo-terminal, on a small bank with known answers (test/fixtures/quizzes/bank):
// practice answers of every type with their verdicts, the review queue across a restart, and the mock exam's
// clock, flags, review grid and Ctrl+C pause. Options are found by their text, so the shuffle does not matter.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pollUntil } from "../../checker/cluster/wait.ts";
import { runCli } from "../support/cli.ts";
import { isolatedStateDir } from "../support/paths.ts";
import { KEY, openTerminal, type Terminal } from "../support/terminal.ts";

const BANK = "test/fixtures/quizzes/bank";
const CTRL_C = "\u0003";
const BACKSPACE = "\u007F";
const RIGHT = "\u001B[C";
const LEFT = "\u001B[D";

/** The right answer of each fixture question, by a distinctive part of its stem. */
const ANSWERS: { stem: string; right: string[]; wrong: string[] }[] = [
  { stem: "Which order does Kafka", right: ["The send order of records that landed in the same partition"], wrong: ["The send order of every record across the whole topic"] },
  { stem: "Which two settings does a Java producer", right: ["enable.idempotence=true", "acks=all"], wrong: ["acks=1", "retries=0"] },
  {
    stem: "Put the steps a Java producer",
    right: [
      "The serializers turn the key and the value into bytes",
      "The partitioner chooses the partition",
      "The record joins a batch in the record accumulator",
      "The sender thread sends the batch to the partition leader",
    ],
    wrong: [
      "The partitioner chooses the partition",
      "The serializers turn the key and the value into bytes",
      "The record joins a batch in the record accumulator",
      "The sender thread sends the batch to the partition leader",
    ],
  },
  {
    stem: "Match each Kafka Streams abstraction",
    right: ["KStream=Every record is an independent event", "KTable=The latest value per key, split by partition", "GlobalKTable=The latest value per key, copied to every instance"],
    wrong: ["KStream=The latest value per key, split by partition", "KTable=Every record is an independent event", "GlobalKTable=The latest value per key, copied to every instance"],
  },
  { stem: "Where do Kafka Connect workers", right: ["In the Kafka topic named by config.storage.topic"], wrong: ["In a local file named by offset.storage.file.filename"] },
  { stem: "where does a broker register itself", right: ["As an ephemeral znode under /brokers/ids"], wrong: ["As a record in the __cluster_metadata topic"] },
];

interface Row {
  number: number;
  active: boolean;
  text: string;
  mark?: string;
  match?: string;
}

/** A quiz session in a terminal, read screen by screen: each render starts with its "Question N of M" header. */
class QuizTerminal {
  readonly terminal: Terminal;
  readonly workspace: string;

  constructor(args: string, workspace = isolatedStateDir("quiz"), env: NodeJS.ProcessEnv = {}) {
    this.workspace = workspace;
    this.terminal = openTerminal(`${process.execPath} --import tsx checker/cli/quiz.ts ${args}`, {
      KAFKALINGS_QUIZ_DIR: BANK,
      KAFKALINGS_WORKSPACE: workspace,
      KAFKALINGS_QUIZ_SEED: "11",
      ...env,
    });
  }

  screen(): string {
    return this.terminal.screen();
  }

  /** The newest complete question screen (from its header to its line of keys), if one is showing. */
  current(): string | undefined {
    return this.latest(/Question \d+ of \d+/g, /enter answer|ctrl\+c pause/);
  }

  /** The newest complete review grid. */
  grid(): string | undefined {
    return this.latest(/Review grid ·/g, /s submit the exam/);
  }

  private latest(start: RegExp, end: RegExp): string | undefined {
    const screen = this.screen();
    const last = [...screen.matchAll(start)].at(-1);
    if (last === undefined) return undefined;
    const render = screen.slice(last.index);
    return end.test(render) ? render : undefined;
  }

  async waitForScreen(check: (render: string) => boolean, what: string): Promise<string> {
    return pollUntil(() => {
      const render = this.current();
      return render !== undefined && check(render) ? render : undefined;
    }, { timeoutMs: 30_000, description: what });
  }

  /** Waits for `expected` to appear in what the terminal shows after `mark` (a length of the screen). */
  async waitAfter(mark: number, expected: RegExp | string, timeoutMs = 30_000): Promise<string> {
    return pollUntil(() => {
      const text = this.screen().slice(mark);
      return (typeof expected === "string" ? text.includes(expected) : expected.test(text)) ? text : undefined;
    }, { timeoutMs, description: `${expected} on the terminal` });
  }

  /** Types keys; returns the screen's length before them, to wait for what follows. */
  type(keys: string): number {
    const mark = this.screen().length;
    this.terminal.type(keys);
    return mark;
  }

  rows(render: string): Row[] {
    return render.split(/\r?\n/).flatMap((line) => {
      const m = /^([❯ ]) (\d+)\) (?:([○●◯◉]) )?(.*?)\s*$/.exec(line);
      if (!m) return [];
      const [text, match] = m[4]!.split(/\s+→ /);
      return [{ number: Number(m[2]), active: m[1] === "❯", text: text!.trim(), mark: m[3], match: match?.trim() }];
    });
  }

  /** Moves the cursor to the row showing `text` (by its number key). */
  async moveTo(text: string): Promise<Row> {
    const row = this.rows((await this.waitForScreen((r) => this.rows(r).some((x) => x.text === text), `a row "${text}"`)))!.find((x) => x.text === text)!;
    this.type(String(row.number));
    await this.waitForScreen((r) => this.rows(r).find((x) => x.text === text)?.active === true, `the cursor on "${text}"`);
    return row;
  }

  /** Answers the question on screen, right or wrong, as the fixture bank says; returns what followed the answer. */
  async answer(correct: boolean): Promise<string> {
    const render = await this.waitForScreen(() => true, "a question");
    const known = ANSWERS.find((a) => render.includes(a.stem));
    if (!known) throw new Error(`no known question on the screen:\n${render}`);
    const picks = correct ? known.right : known.wrong;
    if (render.includes("Choose 2")) {
      for (const text of picks) {
        await this.moveTo(text);
        this.type(" ");
        await this.waitForScreen((r) => this.rows(r).find((x) => x.text === text)?.mark === "◉", `"${text}" ticked`);
      }
    } else if (render.includes("Your order:")) {
      for (const [index, text] of picks.entries()) {
        await this.moveTo(text);
        this.type(KEY.enter);
        await this.waitForScreen((r) => r.includes(`  ${index + 1}. ${text}`), `"${text}" placed ${index + 1}.`);
      }
    } else if (render.includes("Give every item its match")) {
      for (const pair of picks) {
        const [item, choice] = pair.split("=") as [string, string];
        await this.moveTo(item);
        for (let step = 0; ; step++) {
          const shown = this.rows(await this.waitForScreen(() => true, "the match question")).find((x) => x.text === item)!.match;
          if (shown === choice) break;
          if (step > 6) throw new Error(`could not match ${item} with ${choice}`);
          this.type(RIGHT);
          await this.waitForScreen((r) => this.rows(r).find((x) => x.text === item)?.match !== shown, `the match of ${item} to change`);
        }
      }
    } else {
      await this.moveTo(picks[0]!);
    }
    const mark = this.type(KEY.enter);
    // Practice shows the verdict; the exam goes on to the next screen, leaving "✔ Question N of M" behind.
    return this.waitAfter(mark, /✔ Right\.|✖ Not right\.|✔ Question \d+ of \d+(?! ·)/);
  }
}

function quizHistory(workspace: string): {
  schedule: Record<string, { box: number; lastCorrect: boolean }>;
  exams: { outcome: string; correct: number; total: number; answered: number }[];
  unfinishedExam: { responses: Record<string, unknown>; flagged: string[]; position: number } | null;
} {
  return JSON.parse(readFileSync(join(workspace, ".kafkalings-quiz.json"), "utf8"));
}

describe("practice", () => {
  it("says right or wrong after each answer, with the explanation and why the chosen option is wrong", async () => {
    const quiz = new QuizTerminal("--domain fund");
    const question = await quiz.waitForScreen(() => true, "the question");
    expect(question).toContain("Question 1 of 1 · Fundamentals");
    // Nothing gives the answer away before the learner commits.
    expect(quiz.screen()).not.toMatch(/Why:|why not|append-only log|\(the answer\)/);
    await quiz.answer(false);
    await quiz.waitAfter(0, "enter finish");
    expect(quiz.screen()).toContain("✖ Not right.");
    expect(quiz.screen()).toMatch(/✖ \d\) The send order of every record across the whole topic\s+why not: Records in different partitions are read independently/);
    expect(quiz.screen()).toMatch(/→ \d\) The send order of records that landed in the same partition\s+\(the answer\)/);
    expect(quiz.screen()).toContain("Why: A partition is an append-only log");
    expect(quiz.screen()).toContain("read: https://kafka.apache.org/documentation/#intro_concepts_and_terms");
    // This question has a live proof; the offer is there (the proofs themselves are tested on a cluster elsewhere).
    expect(quiz.screen()).toContain("p see it happen on the cluster (live proof)");
    quiz.type(KEY.enter);
    await quiz.terminal.closed;
    expect(quiz.screen()).toContain("0 of 1 right.");
    expect(quiz.screen()).toContain("1 question is due for review: npm run quiz -- --review");
    expect(quizHistory(quiz.workspace).schedule["fund-fixture-ordering-scope"]).toMatchObject({ box: 1, lastCorrect: false });
  });

  it("takes a right answer to a single-answer question", async () => {
    const quiz = new QuizTerminal("--domain connect");
    await quiz.answer(true);
    await quiz.waitAfter(0, "enter finish");
    expect(quiz.screen()).toMatch(/✔ Right\.\s+✔ \d\) In the Kafka topic named by config\.storage\.topic/);
    quiz.type(KEY.enter);
    await quiz.terminal.closed;
    expect(quizHistory(quiz.workspace).schedule["con-fixture-config-storage"]).toMatchObject({ box: 2, lastCorrect: true });
  });

  it("answers a multiple-answer item (it says how many to tick) and an ordering item, with take-back", async () => {
    const quiz = new QuizTerminal("--domain dev");
    for (let n = 1; n <= 2; n++) {
      const render = await quiz.waitForScreen((r) => r.includes(`Question ${n} of 2`), `question ${n}`);
      if (render.includes("Your order:")) {
        // Place one, take it back: the order starts empty again.
        const first = quiz.rows(render)[0]!.text;
        quiz.type(KEY.enter);
        await quiz.waitForScreen((r) => r.includes(`  1. ${first}`), "one placed");
        quiz.type(BACKSPACE);
        await quiz.waitForScreen((r) => r.includes("(nothing placed yet)"), "taken back");
      } else {
        expect(render).toContain("Choose 2 (0 ticked).");
        // Enter with too few ticked is refused, with a reason.
        const mark = quiz.type(KEY.enter);
        await quiz.waitAfter(mark, "Tick exactly 2 first (space).");
      }
      expect(await quiz.answer(true)).toContain("✔ Right.");
      await quiz.waitAfter(0, n === 1 ? "enter next question" : "enter finish");
      quiz.type(KEY.enter);
    }
    await quiz.terminal.closed;
    expect(quiz.screen()).toContain("2 of 2 right.");
    expect(quiz.screen()).toMatch(/The right order:\s+1\. The serializers turn the key and the value into bytes/);
  });

  it("answers a matching item, and shows every pair with the learner's wrong ones", async () => {
    const quiz = new QuizTerminal("--domain streams");
    const render = await quiz.waitForScreen(() => true, "the matching question");
    expect(render).toContain("Give every item its match.");
    const mark = quiz.type(KEY.enter);
    await quiz.waitAfter(mark, "Every item needs a match first");
    await quiz.answer(false);
    await quiz.waitAfter(0, "enter finish");
    expect(quiz.screen()).toMatch(/KStream\s+→ Every record is an independent event\s+\(yours: The latest value per key, split by partition\)/);
    expect(quiz.screen()).toMatch(/GlobalKTable\s+→ The latest value per key, copied to every instance ✔/);
    quiz.type(KEY.enter);
    await quiz.terminal.closed;
  });

  it("serves due and missed questions in --review, and picks up where it stopped after a restart", async () => {
    const workspace = isolatedStateDir("quiz-review");
    const practice = new QuizTerminal("--domain dev", workspace);
    for (let n = 1; n <= 2; n++) {
      await practice.waitForScreen((r) => r.includes(`Question ${n} of 2`), `question ${n}`);
      await practice.answer(false);
      await practice.waitAfter(0, n === 1 ? "enter next question" : "enter finish");
      practice.type(KEY.enter);
      if (n === 1) await practice.waitForScreen((r) => r.includes("Question 2 of 2"), "question 2");
    }
    await practice.terminal.closed;

    const review = new QuizTerminal("--review", workspace);
    const first = await review.waitForScreen((r) => r.includes("Question 1 of 2"), "the first due question");
    const firstStem = ANSWERS.find((a) => first.includes(a.stem))!.stem;
    await review.answer(true);
    await review.waitAfter(0, "enter next question");
    review.type(KEY.enter);
    await review.waitForScreen((r) => r.includes("Question 2 of 2"), "the second due question");
    review.type(CTRL_C);
    await review.terminal.closed;
    expect(review.screen()).toContain("Stopped. Every answer so far is saved.");

    const again = new QuizTerminal("--review", workspace);
    const resumed = await again.waitForScreen((r) => r.includes("Question 1 of 1"), "the one question still due");
    expect(resumed).not.toContain(firstStem);
    again.type(CTRL_C);
    await again.terminal.closed;
  });

  it("says so when nothing is due for review", async () => {
    const quiz = new QuizTerminal("--review");
    await quiz.terminal.closed;
    expect(quiz.screen()).toContain("Nothing is due for review.");
  });
});

describe("mock exam", () => {
  it("shows a ticking clock, and submits the answers given when time runs out", async () => {
    const quiz = new QuizTerminal("--exam --minutes 0.15");
    await quiz.waitForScreen((r) => r.includes("Question 1 of 5"), "the first exam question");
    expect(quiz.screen()).toContain("The bank has only 5 exam questions, so this mock exam has 5.");
    await quiz.answer(true);
    await quiz.waitForScreen((r) => r.includes("Question 2 of 5"), "the second question");
    await quiz.waitAfter(0, "Time is up: the exam is submitted with the answers given.", 20_000);
    await quiz.terminal.closed;
    const clocks = new Set(quiz.screen().match(/⏱ \d+:\d\d left/g));
    expect(clocks.size).toBeGreaterThan(3);
    expect(quiz.screen()).toMatch(/Mock exam: 1 of 5 right \(20%\) · 1 answered · time was up/);
    expect(quiz.screen()).toContain("Missed questions (4)");
    expect(quizHistory(quiz.workspace).exams).toEqual([expect.objectContaining({ outcome: "time-up", correct: 1, total: 5, answered: 1 })]);
    expect(quizHistory(quiz.workspace).unfinishedExam).toBeNull();
  });

  it("flags a question, shows it in the review grid, jumps back to it, and submits with a score per domain", async () => {
    const quiz = new QuizTerminal("--exam");
    await quiz.waitForScreen((r) => r.includes("Question 1 of 5"), "question 1");
    quiz.type("f");
    await quiz.waitForScreen((r) => r.includes("⚑ flagged"), "the flag");
    quiz.type("n");
    await quiz.waitForScreen((r) => r.includes("Question 2 of 5"), "question 2");
    await quiz.answer(true);
    await quiz.waitForScreen((r) => r.includes("Question 3 of 5"), "question 3");
    let mark = quiz.type("g");
    await quiz.waitAfter(mark, /Review grid · ⏱ \d+:\d\d left · 1 answered · 4 unanswered · 1 flagged/);
    // The grid's cursor starts on the question it was opened from (3); two steps left is question 1.
    const onCell = (label: RegExp) => pollUntil(() => label.test(quiz.grid() ?? ""), { timeoutMs: 10_000, description: `the grid's cursor on ${label}` });
    await onCell(/1○⚑\s+2✔\s+\[ 3○ \]\s+4○\s+5○/);
    quiz.type(LEFT);
    await onCell(/\[ 2✔ \]/);
    quiz.type(LEFT);
    await onCell(/\[ 1○⚑\]/);
    mark = quiz.type(KEY.enter);
    await quiz.waitAfter(mark, /Question 1 of 5 · ⏱ \d+:\d\d left · ⚑ flagged/);
    await quiz.answer(true);
    // An answered question shows the answer given.
    const again = await quiz.waitForScreen((r) => r.includes("Question 2 of 5"), "question 2 again");
    expect(quiz.rows(again).some((row) => row.mark === "◉" || row.mark === "●" || (row.match !== undefined && row.match !== "?")) || again.includes("All placed")).toBe(true);
    mark = quiz.type("g");
    await quiz.waitAfter(mark, /2 answered · 3 unanswered · 1 flagged/);
    mark = quiz.type("s");
    await quiz.waitAfter(mark, "Submit the exam?");
    quiz.type("y");
    quiz.type(KEY.enter);
    await quiz.terminal.closed;
    expect(quiz.screen()).toMatch(/Mock exam: 2 of 5 right \(40%\)/);
    expect(quiz.screen()).toMatch(/By domain[\s\S]*Application Development\s+█*░*\s+\d+%/);
    expect(quiz.screen()).toContain("Weakest topics");
    expect(quizHistory(quiz.workspace).exams[0]).toMatchObject({ outcome: "submitted", correct: 2, answered: 2 });
  });

  it("keeps the answers on Ctrl+C, and offers to resume the paused exam", async () => {
    const workspace = isolatedStateDir("quiz-pause");
    const first = new QuizTerminal("--exam", workspace);
    await first.waitForScreen((r) => r.includes("Question 1 of 5"), "question 1");
    await first.answer(true);
    await first.waitForScreen((r) => r.includes("Question 2 of 5"), "question 2");
    first.type(CTRL_C);
    await first.terminal.closed;
    expect(first.screen()).toMatch(/Exam paused: 1 of 5 answered, ⏱ \d+:\d\d left\. Resume it with: npm run quiz -- --exam/);
    const paused = quizHistory(workspace).unfinishedExam!;
    expect(Object.keys(paused.responses)).toHaveLength(1);
    expect(paused.position).toBe(1);

    const second = new QuizTerminal("--exam", workspace);
    await second.waitAfter(0, /You paused a mock exam started .*: 1 of 5 answered/);
    second.type(KEY.enter);
    await second.waitForScreen((r) => r.includes("Question 2 of 5"), "question 2, where it was paused");
    const mark = second.type("g");
    await second.waitAfter(mark, "1 answered · 4 unanswered · 0 flagged");
    second.type("s");
    await second.waitAfter(mark, "Submit the exam?");
    second.type("y");
    second.type(KEY.enter);
    await second.terminal.closed;
    expect(second.screen()).toMatch(/Mock exam: 1 of 5 right \(20%\)/);
    expect(quizHistory(workspace).unfinishedExam).toBeNull();
  });
});

describe("without a terminal", () => {
  it("prints the bank's figures with --stats --json", async () => {
    const result = await runCli("quiz", ["--stats", "--json"], { KAFKALINGS_QUIZ_DIR: BANK });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      total: 6,
      byDomain: { "Application Development": 2, Fundamentals: 1, Connect: 1, Observability: 0, Streams: 1, Testing: 0, Legacy: 1 },
      byType: { single: 3, multiple: 1, order: 1, match: 1 },
      proofs: 1,
    });
  });

  it("names broken questions and still loads the rest", async () => {
    const result = await runCli("quiz", ["--stats", "--json"], { KAFKALINGS_QUIZ_DIR: "test/fixtures/quizzes/malformed" });
    expect(JSON.parse(result.stdout).total).toBe(2);
    expect(result.stderr).toContain('b-broken.yaml:53 question dev-answer-not-an-option, field "answer": "e" is not one of the options (a, b, c)');
    expect(result.stderr).toContain("c-syntax-error.yaml:10: not valid YAML, the file is skipped");
  });

  it("says in one line that the quiz needs a terminal, and that an unknown proof does not exist", async () => {
    const quiz = await runCli("quiz", [], { KAFKALINGS_QUIZ_DIR: BANK });
    expect(quiz.code).toBe(1);
    expect(quiz.stderr).toMatch(/^✖ The quiz needs a terminal to answer in\.\n\s+fix: /);
    const proof = await runCli("quiz", ["--prove", "no-such-proof"], {});
    expect(proof.code).toBe(1);
    expect(proof.stderr).toMatch(/^✖ There is no live proof "no-such-proof"\./);
    const domain = await runCli("quiz", ["--domain", "cooking"], { KAFKALINGS_QUIZ_DIR: BANK });
    expect(domain.stderr).toContain('There is no quiz domain "cooking".');
  });
});
