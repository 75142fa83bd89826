// npm run progress: readiness per domain (exercises passed and recent quiz accuracy) and the mock-exam trend,
// read from the learner's progress and quiz history files.
import { afterEach, describe, expect, it } from "vitest";
import { finishAttempt, startAttempt } from "../../checker/quiz/exam-attempt.ts";
import { recordAnswer, recordExam } from "../../checker/quiz/history.ts";
import { runCli } from "../support/cli.ts";
import { singleQuestion } from "../support/questions.ts";
import { makeWorkspace } from "../support/workspace.ts";

afterEach(() => {
  delete process.env.KAFKALINGS_WORKSPACE;
});

function examScored(right: number, of: number): void {
  const questions = Array.from({ length: of }, () => singleQuestion("Fundamentals"));
  const attempt = startAttempt(questions, 60_000, new Date());
  questions.slice(0, right).forEach((q) => (attempt.responses[q.id] = "a"));
  recordExam(finishAttempt(attempt, questions, "submitted", new Date()).result, []);
}

describe("npm run progress", () => {
  it("shows quiz accuracy per domain beside the exercises, and the mock-exam scores in order", async () => {
    const workspace = makeWorkspace();
    process.env.KAFKALINGS_WORKSPACE = workspace.root;
    const connect = [singleQuestion("Connect"), singleQuestion("Connect"), singleQuestion("Connect"), singleQuestion("Connect")];
    connect.forEach((q, index) => recordAnswer(q, index < 3, "practice"));
    examScored(2, 4);
    examScored(3, 4);
    const result = await runCli("progress", [], { KAFKALINGS_WORKSPACE: workspace.root });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Connect\s+15% of the exam\s+░+ (\d+\/\d+ exercises|no exercises yet)\s+quiz █{9}░{3}\s+75% of the last 4 answers/);
    expect(result.stdout).toMatch(/Streams\s+12% of the exam .* quiz ░{12} no answers yet/);
    expect(result.stdout).toMatch(/Mock exams\s+▅▇\s+last 75% · best 75% · 2 taken/);
    expect(result.stdout.indexOf(" 50%  2/4")).toBeLessThan(result.stdout.indexOf(" 75%  3/4"));
  });

  it("invites a first mock exam when there is none", async () => {
    const workspace = makeWorkspace();
    const result = await runCli("progress", [], { KAFKALINGS_WORKSPACE: workspace.root });
    expect(result.stdout).toContain("No mock exam yet: npm run quiz -- --exam");
  });
});
