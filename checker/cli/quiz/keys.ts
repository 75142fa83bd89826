// Bits every quiz screen shares: the line of key hints, and hiding the cursor while a screen waits for keys.
import chalk from "chalk";

export const HIDE_CURSOR = "\u001B[?25l";

export function keyHelp(pairs: [string, string][]): string {
  return pairs.map(([key, action]) => `${chalk.bold(key)} ${chalk.dim(action)}`).join(chalk.dim(" · "));
}
