// A one-keystroke choice, e.g. "enter next · p live proof · q quit" after a practice answer.
import { createPrompt, isEnterKey, useKeypress, usePrefix, useState } from "@inquirer/core";
import chalk from "chalk";
import { HIDE_CURSOR, keyHelp } from "./keys.ts";

export interface KeyChoice<T> {
  /** A single character, or "enter". */
  key: string;
  label: string;
  value: T;
}

export function keyPrompt<T>(message: string, choices: KeyChoice<T>[]): Promise<T> {
  return createPrompt<T, object>((_config, done) => {
    const [chosen, setChosen] = useState<KeyChoice<T> | undefined>(undefined);
    const prefix = usePrefix({ status: chosen ? "done" : "idle" });
    useKeypress((key, rl) => {
      rl.clearLine(0);
      const choice = choices.find((c) => (c.key === "enter" ? isEnterKey(key) : key.name === c.key));
      if (!choice || chosen) return;
      setChosen(choice);
      done(choice.value);
    });
    const lead = [prefix, message].filter(Boolean).join(" ");
    if (chosen) return `${lead} ${chalk.cyan(chosen.label)}`;
    return `${lead} ${keyHelp(choices.map((c) => [c.key, c.label]))}${HIDE_CURSOR}`;
  })({});
}
