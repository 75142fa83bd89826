// The verdict on one answer, as practice shows it after each question and the exam report shows it for each miss:
// right or wrong, what the learner picked against the right answer, why (the explanation, and for every wrong
// option the learner picked, why it is wrong), the doc page and the Kafka versions it holds for.
import chalk from "chalk";
import type { Layout } from "../../quiz/layout.ts";
import { isComplete, isCorrect } from "../../quiz/scoring.ts";
import type { ChoiceQuestion, MatchQuestion, Question, Response } from "../../quiz/schema.ts";

function headline(question: Question, response: Response | undefined): string {
  if (!isComplete(question, response)) return chalk.yellow.bold("○ Not answered.");
  return isCorrect(question, response) ? chalk.green.bold("✔ Right.") : chalk.red.bold("✖ Not right.");
}

/** Single and multiple: each option in the order shown, marked; a chosen wrong option says why it is wrong. */
function optionLines(question: Extract<Question, { type: "single" | "multiple" }>, layout: Layout, response: Response | undefined): string[] {
  const chosen = new Set(typeof response === "string" ? [response] : Array.isArray(response) ? response : []);
  const answer = new Set(typeof question.answer === "string" ? [question.answer] : question.answer);
  return layout.entries.map((option, index) => {
    const label = `${index + 1}) ${option.text}`;
    if (answer.has(option.id)) return chosen.has(option.id) ? chalk.green(`  ✔ ${label}`) : chalk.yellow(`  → ${label}  ${chalk.dim(question.type === "single" ? "(the answer)" : "(a right answer you did not pick)")}`);
    if (chosen.has(option.id)) return `${chalk.red(`  ✖ ${label}`)}\n      ${chalk.red("why not:")} ${question.wrong[option.id]}`;
    return chalk.dim(`    ${label}`);
  });
}

function orderLines(question: Extract<ChoiceQuestion, { type: "order" }>, response: Response | undefined): string[] {
  const text = (id: string) => question.options.find((o) => o.id === id)!.text;
  const yours = Array.isArray(response) ? response : [];
  const lines = [chalk.bold("  The right order:"), ...question.answer.map((id, index) => `    ${index + 1}. ${text(id)}`)];
  if (yours.length && !isCorrect(question, response)) {
    lines.push(chalk.bold("  Your order:"), ...yours.map((id, index) => (id === question.answer[index] ? chalk.green(`    ${index + 1}. ${text(id)} ✔`) : chalk.red(`    ${index + 1}. ${text(id)} ✖`))));
  }
  return lines;
}

function matchLines(question: MatchQuestion, layout: Layout, response: Response | undefined): string[] {
  const choice = (id: string | undefined) => question.choices.find((c) => c.id === id)?.text;
  const yours = response && typeof response === "object" && !Array.isArray(response) ? response : {};
  const width = Math.max(...question.items.map((i) => i.text.length));
  return layout.entries.map((item) => {
    const right = question.answer[item.id];
    const line = `  ${item.text.padEnd(width)}  → ${choice(right)}`;
    if (yours[item.id] === right) return chalk.green(`${line} ✔`);
    return `${chalk.yellow(line)}  ${chalk.red(`(yours: ${choice(yours[item.id]) ?? "none"})`)}`;
  });
}

export function renderVerdict(question: Question, layout: Layout, response: Response | undefined): string {
  const lines = [headline(question, response)];
  if (question.type === "single" || question.type === "multiple") lines.push(...optionLines(question, layout, response));
  else if (question.type === "order") lines.push(...orderLines(question, response));
  else lines.push(...matchLines(question, layout, response));
  lines.push(`${chalk.bold("Why:")} ${question.explanation}`, chalk.dim(`read: ${question.doc} · Kafka versions: ${question.versions}`));
  return lines.join("\n");
}
