// How a grade looks in the terminal: verdict, the learner's error at their own line, expected vs actual
// as a coloured diff, and what the code left on the cluster.
import chalk from "chalk";
import { diff } from "jest-diff";
import type { ExerciseResult, ExerciseStatus } from "../runner/results.ts";
import type { ClusterSnapshot } from "../runner/snapshot.ts";

export const STATUS_LABEL: Record<ExerciseStatus, string> = {
  passed: chalk.green("✔ passed"),
  failed: chalk.red("✖ failing"),
  "not-started": chalk.dim("○ not started"),
  error: chalk.red("✖ error"),
  timeout: chalk.red("⏱ timed out"),
};

export function renderResult(result: ExerciseResult, title: string): string {
  const lines = [`${STATUS_LABEL[result.status]}  ${chalk.bold(`${result.number}. ${title}`)}  ${chalk.dim(`${(result.durationMs / 1000).toFixed(1)} s`)}`, ""];
  if (result.status === "not-started") return [...lines, result.message].join("\n");
  if (result.learnerError) {
    const error = result.learnerError;
    lines.push(`${chalk.red(error.kind === "syntax" ? "Your file does not compile:" : "Your code threw:")} ${error.name}: ${error.message}`);
    if (error.location) lines.push(`  at ${chalk.underline(error.location)}`);
    if (error.sourceLine) lines.push(chalk.dim(`  │ ${error.sourceLine}`));
  } else if (result.status !== "passed") {
    lines.push(result.message);
  }
  for (const assertion of result.assertions) {
    lines.push(`${assertion.status === "passed" ? chalk.green("  ✔") : chalk.red("  ✖")} ${assertion.message}`);
    if (assertion.status === "failed" && ("expected" in assertion || "actual" in assertion)) {
      const shown = diff(assertion.expected, assertion.actual, { aAnnotation: "Expected", bAnnotation: "Your code", expand: false });
      if (shown) lines.push(shown.replace(/^/gm, "      "));
    }
  }
  if (result.snapshot) lines.push("", ...renderSnapshot(result.snapshot));
  return lines.join("\n");
}

export function renderSnapshot(snapshot: ClusterSnapshot): string[] {
  if (snapshot.topics.length === 0 && snapshot.groups.length === 0) return [chalk.dim("Your code left no topics or consumer groups on the cluster.")];
  const lines = [chalk.bold("What your code left on the cluster:")];
  for (const topic of snapshot.topics) {
    const configs = Object.entries(topic.configs).map(([k, v]) => `${k}=${v}`).join(", ");
    lines.push(`  topic ${topic.name}: ${topic.partitions} partitions, replication factor ${topic.replicationFactor}${configs ? `, ${configs}` : ""}`);
    for (const record of topic.records) lines.push(chalk.dim(`    p${record.partition}@${record.offset}  key=${record.key ?? "null"}  value=${record.value ?? "null"}`));
  }
  for (const group of snapshot.groups) {
    lines.push(`  group ${group.groupId}`);
    for (const o of group.offsets) lines.push(chalk.dim(`    ${o.topic}/${o.partition}: committed ${o.committed}, lag ${o.lag}`));
  }
  return lines;
}
