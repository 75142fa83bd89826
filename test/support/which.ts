import { execFileSync } from "node:child_process";
import { mkdirSync, realpathSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { isolatedStateDir } from "./paths.ts";

/** The real path of a command on this machine's PATH. */
export function which(command: string): string {
  return realpathSync(execFileSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).trim());
}

/** A PATH holding only the named commands (plus `ps`, which our process bookkeeping uses). */
export function pathWith(commands: Record<string, string>): string {
  const bin = join(isolatedStateDir("bin"), "bin");
  mkdirSync(bin);
  for (const [name, target] of Object.entries({ ps: which("ps"), ...commands })) symlinkSync(target, join(bin, name));
  return bin;
}
