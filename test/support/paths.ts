import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const REPO = resolve(import.meta.dirname, "..", "..");
/** Every state folder a test creates lives under here, so the global teardown can find strays. */
export const TEST_ROOT = join(tmpdir(), "kafkalings-tests");

export function isolatedStateDir(label: string): string {
  mkdirSync(TEST_ROOT, { recursive: true });
  return mkdtempSync(join(TEST_ROOT, `${label}-`));
}
