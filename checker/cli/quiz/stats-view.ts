// `npm run quiz -- --stats` for people: questions per domain with each exam domain's share of the bank beside the
// exam's weight, and the mix of question types.
import Table from "cli-table3";
import { tableStyle } from "../colour.ts";
import { EXAM_WEIGHTS, QUIZ_DOMAINS, isExamDomain } from "../../quiz/domains.ts";
import type { Question } from "../../quiz/schema.ts";
import { bankStats, examDomainShares } from "../../quiz/stats.ts";

export function renderStats(questions: Question[]): string {
  const stats = bankStats(questions);
  const shares = examDomainShares(questions);
  const table = new Table({ head: ["domain", "questions", "share of the exam bank", "exam weight"], style: tableStyle() });
  for (const domain of QUIZ_DOMAINS) {
    table.push(isExamDomain(domain) ? [domain, stats.byDomain[domain], `${shares[domain].toFixed(1)}%`, `${EXAM_WEIGHTS[domain]}%`] : [domain, stats.byDomain[domain], "not in the exam", "–"]);
  }
  const types = Object.entries(stats.byType).map(([type, count]) => `${type} ${count}`).join(" · ");
  return `${table.toString()}\n${stats.total} questions (${types}) · ${stats.proofs} with a live proof`;
}
