// chalk follows FORCE_COLOR but not NO_COLOR (https://no-color.org); every command honours both.
import chalk from "chalk";

if (process.env.NO_COLOR) chalk.level = 0;
