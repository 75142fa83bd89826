import { readFileSync } from "node:fs";

/** File events are unreliable on WSL (and on its Windows-mounted drives), so watch mode polls there. */
export function isWsl(): boolean {
  if (process.platform !== "linux") return false;
  try {
    return /microsoft/i.test(readFileSync("/proc/version", "utf8"));
  } catch {
    return false;
  }
}
