import { execFileSync } from "node:child_process";
import { realpathSync } from "node:fs";

/** The real path of a command on this machine's PATH. */
export function which(command: string): string {
  return realpathSync(execFileSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).trim());
}
