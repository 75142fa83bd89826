// The quiz history file: answers schedule their question, exams are kept with their answers scheduled too, and a
// corrupt file is set aside with a notice instead of being overwritten.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { finishAttempt, startAttempt } from "../../checker/quiz/exam-attempt.ts";
import { quizHistoryFile, readQuizHistory, recentAccuracy, recordAnswer, recordExam, saveUnfinishedExam } from "../../checker/quiz/history.ts";
import { onSetAsideNotice } from "../../checker/runner/versioned-file.ts";
import { isolatedStateDir } from "../support/paths.ts";
import { singleQuestion } from "../support/questions.ts";

let notices: string[];

beforeEach(() => {
  process.env.KAFKALINGS_WORKSPACE = isolatedStateDir("quiz-history");
  notices = [];
  onSetAsideNotice((notice) => notices.push(notice));
});

afterEach(() => {
  delete process.env.KAFKALINGS_WORKSPACE;
});

describe("quiz history", () => {
  it("schedules every answer and keeps it for recent accuracy", () => {
    const [a, b] = [singleQuestion("Streams"), singleQuestion("Streams")];
    recordAnswer(a, true, "practice");
    recordAnswer(b, false, "review");
    const history = readQuizHistory();
    expect(history.schedule[a.id]).toMatchObject({ box: 2, lastCorrect: true });
    expect(history.schedule[b.id]).toMatchObject({ box: 1, lastCorrect: false });
    expect(recentAccuracy(history, "Streams")).toEqual({ correct: 1, total: 2 });
    expect(recentAccuracy(history, "Connect")).toEqual({ correct: 0, total: 0 });
  });

  it("keeps a paused exam until it ends, then records the result and schedules what was answered", () => {
    const questions = [singleQuestion("Testing"), singleQuestion("Testing")];
    const attempt = startAttempt(questions, 60_000, new Date());
    attempt.responses[questions[0]!.id] = "a";
    saveUnfinishedExam(attempt);
    expect(readQuizHistory().unfinishedExam?.responses).toEqual({ [questions[0]!.id]: "a" });
    const { result } = finishAttempt(attempt, questions, "submitted", new Date());
    recordExam(result, [{ question: questions[0]!, correct: true }]);
    const history = readQuizHistory();
    expect(history.unfinishedExam).toBeNull();
    expect(history.exams).toEqual([expect.objectContaining({ outcome: "submitted", correct: 1, total: 2, answered: 1, missed: [questions[1]!.id] })]);
    expect(Object.keys(history.schedule)).toEqual([questions[0]!.id]);
  });

  it("sets a corrupt file aside with a notice and starts afresh", () => {
    writeFileSync(quizHistoryFile(), "{ not json");
    expect(readQuizHistory().answers).toEqual([]);
    expect(notices).toEqual([expect.stringMatching(/^Your quiz history .*\.kafkalings-quiz\.json was unreadable \(not valid JSON\); it is kept as .*\.bak-\d+ and a fresh one was started\.$/)]);
    const backup = readdirSync(process.env.KAFKALINGS_WORKSPACE!).find((name) => name.startsWith(".kafkalings-quiz.json.bak-"))!;
    expect(readFileSync(join(process.env.KAFKALINGS_WORKSPACE!, backup), "utf8")).toBe("{ not json");
  });

  it("sets aside a file of another kind", () => {
    writeFileSync(quizHistoryFile(), JSON.stringify({ format: "kafkalings-progress", version: 1, exercises: {} }));
    readQuizHistory();
    expect(notices[0]).toMatch(/\(not a kafkalings quiz history\)/);
  });
});
