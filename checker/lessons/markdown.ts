// Markdown → terminal. marked 12 with marked-terminal 7: with marked 13 and later, marked-terminal 7.3
// leaves **bold** raw inside list items.
import { readFileSync } from "node:fs";
import chalk from "chalk";
import { Marked } from "marked";
import { markedTerminal } from "marked-terminal";
import { fromRoot } from "../runner/paths.ts";

let terminal: Marked | undefined;

/** Built on first use, after the command has settled whether it prints colour. */
function markdownToTerminal(): Marked {
  // Tables are drawn by cli-table3, which colours borders and headers whatever chalk decided: without colour
  // support (NO_COLOR, pipes) it gets no styles at all.
  const tableOptions = chalk.level === 0 ? { style: { head: [], border: [] } } : {};
  terminal ??= new Marked().use(
    markedTerminal({ reflowText: true, showSectionPrefix: false, width: Math.min(process.stdout.columns || 100, 100), tab: 2, tableOptions }) as never,
  );
  return terminal;
}

export function renderMarkdown(markdown: string): string {
  return (markdownToTerminal().parse(markdown) as string).trimEnd();
}

/** The `## heading` section of a lesson file, heading included, up to the next `## `. */
export function lessonSection(file: string, heading: string): string {
  const text = `\n${readFileSync(fromRoot(file), "utf8")}`;
  const start = text.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`${file} has no section "## ${heading}"`);
  const end = text.indexOf("\n## ", start + 1);
  return text.slice(start + 1, end < 0 ? undefined : end).trim();
}
