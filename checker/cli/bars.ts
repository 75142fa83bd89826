// Progress drawn with characters: a bar for a share, a sparkline for a series of percentages.
import chalk from "chalk";

export function bar(done: number, total: number, width = 20): string {
  const filled = total === 0 ? 0 : Math.round((done / total) * width);
  return `${chalk.green("█".repeat(filled))}${chalk.dim("░".repeat(width - filled))}`;
}

const SPARKS = "▁▂▃▄▅▆▇█";

/** One character per value (0–100), lowest to highest block. */
export function sparkline(percentages: number[]): string {
  return percentages.map((p) => SPARKS[Math.min(SPARKS.length - 1, Math.floor((p / 100) * SPARKS.length))]).join("");
}
