// The exam clock on every exam screen: re-rendered each second, and the screen ends itself when time is up.
import { useEffect, useRef, useState } from "@inquirer/core";
import chalk from "chalk";

/** "73:05 left", yellow in the last 10 minutes, red in the last minute. */
export function formatRemaining(milliseconds: number): string {
  const seconds = Math.max(0, Math.ceil(milliseconds / 1000));
  const text = `⏱ ${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")} left`;
  return seconds <= 60 ? chalk.red.bold(text) : seconds <= 600 ? chalk.yellow(text) : chalk.cyan(text);
}

/**
 * Inside a prompt: the time left until `deadline` (undefined: no clock), ticking every second; `onTimeUp` runs once
 * when it reaches zero. The latest `onTimeUp` is used, so it may close over the prompt's current state.
 */
export function useCountdown(deadline: number | undefined, onTimeUp: () => void): number | undefined {
  const [now, setNow] = useState(Date.now());
  const latest = useRef(onTimeUp);
  latest.current = onTimeUp;
  useEffect(() => {
    if (deadline === undefined) return;
    const tick = () => {
      setNow(Date.now());
      if (Date.now() >= deadline) {
        clearInterval(timer);
        latest.current();
      }
    };
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [deadline]);
  return deadline === undefined ? undefined : deadline - now;
}
