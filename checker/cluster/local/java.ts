import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { JavaMissingError } from "../errors.ts";
import { MIN_JAVA_MAJOR } from "../settings.ts";

export interface JavaRuntime {
  path: string;
  major: number;
  version: string;
}

const INSTALL_JAVA = `install Java ${MIN_JAVA_MAJOR}+ (Debian/Ubuntu: sudo apt-get install openjdk-17-jre-headless; macOS: brew install openjdk@17; Windows: winget install EclipseAdoptium.Temurin.17.JRE) or use Docker (--provider docker)`;

/** JAVA_HOME's java when set, else the one on PATH. */
function javaCommand(): string {
  const home = process.env.JAVA_HOME;
  if (home && existsSync(join(home, "bin", "java"))) return join(home, "bin", "java");
  return "java";
}

export function parseJavaVersion(output: string): { version: string; major: number } | undefined {
  const match = /version "([^"]+)"/.exec(output);
  if (!match?.[1]) return undefined;
  const version = match[1];
  const parts = version.split(/[._-]/).map((part) => Number.parseInt(part, 10));
  const major = parts[0] === 1 ? parts[1] : parts[0];
  return major === undefined || Number.isNaN(major) ? undefined : { version, major };
}

/** Finds a usable Java, or says how to get one. */
export function detectJava(): JavaRuntime {
  const path = javaCommand();
  const result = spawnSync(path, ["-version"], { encoding: "utf8" });
  if (result.error) {
    throw new JavaMissingError(`Java was not found (no java on PATH${process.env.JAVA_HOME ? " or in JAVA_HOME" : ""}), and the local cluster runs Kafka on the JVM.`, INSTALL_JAVA);
  }
  const parsed = parseJavaVersion(`${result.stderr}${result.stdout}`);
  if (!parsed) throw new JavaMissingError(`\`${path} -version\` printed no version kafkalings understands.`, INSTALL_JAVA);
  if (parsed.major < MIN_JAVA_MAJOR) {
    throw new JavaMissingError(`Java ${parsed.version} is too old: the local cluster needs Java ${MIN_JAVA_MAJOR} or newer.`, INSTALL_JAVA);
  }
  return { path, ...parsed };
}
