// chalk follows FORCE_COLOR but not NO_COLOR (https://no-color.org); every command honours both.
import chalk from "chalk";

if (process.env.NO_COLOR) chalk.level = 0;

/** cli-table3 greys its borders whatever chalk decided; without colour, tables get no styles at all. */
export function tableStyle(): { head: string[]; border: string[] } {
  return { head: [], border: chalk.level === 0 ? [] : ["grey"] };
}
