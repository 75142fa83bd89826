// The home screen's quiz entry: which kind of quiz, as arguments for `npm run quiz`.
import { select } from "@inquirer/prompts";
import { EXAM_MINUTES, EXAM_QUESTIONS } from "../../quiz/exam.ts";
import { DOMAINS } from "../../runner/manifest.ts";

export async function quizMenu(): Promise<string[]> {
  const kind = await select({
    message: "Which quiz?",
    choices: [
      { name: "Practice: 10 questions from every domain", value: "mixed" },
      { name: "Practice one domain", value: "domain" },
      { name: "Review what is due (spaced repetition)", value: "review" },
      { name: `Mock exam: ${EXAM_QUESTIONS} questions, ${EXAM_MINUTES} minutes`, value: "exam" },
    ],
  });
  if (kind === "mixed") return [];
  if (kind === "review") return ["--review"];
  if (kind === "exam") return ["--exam"];
  const domain = await select({ message: "Which domain?", choices: DOMAINS.map((d) => ({ name: d, value: d })) });
  return ["--domain", domain];
}
