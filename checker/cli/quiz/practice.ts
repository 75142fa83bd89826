// Practice and review: one question at a time, the verdict and the explanation right after each answer, the
// answer saved to the quiz history at once (so quitting or a crash loses nothing), and the live proof on offer.
import chalk from "chalk";
import { recordAnswer, readQuizHistory } from "../../quiz/history.ts";
import { layOut } from "../../quiz/layout.ts";
import { findProof } from "../../quiz/proofs/index.ts";
import type { Random } from "../../quiz/random.ts";
import { isCorrect } from "../../quiz/scoring.ts";
import type { Question } from "../../quiz/schema.ts";
import { isDue, nextDue } from "../../quiz/srs.ts";
import { keyPrompt, type KeyChoice } from "./key-prompt.ts";
import type { ProofRunner } from "./live-proof.ts";
import { questionPrompt } from "./question-prompt.ts";
import { renderVerdict } from "./verdict.ts";

type Next = "next" | "proof" | "quit";

async function afterAnswer(question: Question, last: boolean, proofs: ProofRunner): Promise<Next> {
  const proof = question.proof ? findProof(question.proof) : undefined;
  for (;;) {
    const choices: KeyChoice<Next>[] = [{ key: "enter", label: last ? "finish" : "next question", value: "next" }];
    if (proof) choices.push({ key: "p", label: "see it happen on the cluster (live proof)", value: "proof" });
    if (!last) choices.push({ key: "q", label: "quit", value: "quit" });
    const next = await keyPrompt("", choices);
    if (next !== "proof") return next;
    await proofs.run(proof!);
  }
}

export async function practise(questions: Question[], mode: "practice" | "review", random: Random, proofs: ProofRunner): Promise<void> {
  let right = 0;
  let answered = 0;
  for (const [index, question] of questions.entries()) {
    const layout = layOut(question, random);
    const { response } = await questionPrompt({ header: `Question ${index + 1} of ${questions.length} · ${question.domain}`, question, layout });
    const correct = isCorrect(question, response);
    recordAnswer(question, correct, mode);
    answered += 1;
    right += correct ? 1 : 0;
    console.log(renderVerdict(question, layout, response));
    if ((await afterAnswer(question, index === questions.length - 1, proofs)) === "quit") break;
  }
  console.log(`\n${chalk.bold(`${right} of ${answered} right.`)} ${chalk.dim(reviewReminder())}`);
}

function reviewReminder(now = new Date()): string {
  const { schedule } = readQuizHistory();
  const due = Object.values(schedule).filter((s) => isDue(s, now)).length;
  if (due > 0) return `${due} question${due === 1 ? " is" : "s are"} due for review: npm run quiz -- --review`;
  const next = nextDue(schedule);
  return next ? `Next review due ${next.toLocaleString()}.` : "";
}
