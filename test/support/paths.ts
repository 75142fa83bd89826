import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const REPO = resolve(import.meta.dirname, "..", "..");
/**
 * Every state folder a test creates lives under here, so the global teardown can find strays. One folder per
 * test run (the global setup names it, and the workers inherit it), so that two runs on one machine — a
 * developer's and a CI clone's — never sweep each other's clusters.
 */
export const TEST_ROOT = (process.env.KAFKALINGS_TEST_ROOT ??= join(tmpdir(), `kafkalings-tests-${process.pid}`));

export function isolatedStateDir(label: string): string {
  mkdirSync(TEST_ROOT, { recursive: true });
  return mkdtempSync(join(TEST_ROOT, `${label}-`));
}
