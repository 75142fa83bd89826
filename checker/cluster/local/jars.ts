// Kafka's jars come from Maven Central once per user, through the pom.xml beside this file.
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { MavenMissingError, MavenResolutionError } from "../errors.ts";
type ProgressListener = (step: string) => void;
import { KAFKA_VERSION, jarsDir } from "../settings.ts";

const POM = join(dirname(fileURLToPath(import.meta.url)), "pom.xml");
const COMPLETE_MARK = ".complete";

export function jarsCached(dir = jarsDir()): boolean {
  return existsSync(join(dir, COMPLETE_MARK));
}

/** The installed Maven's version, or undefined when there is no `mvn`. */
export function mavenVersion(): string | undefined {
  const result = spawnSync("mvn", ["-v"], { encoding: "utf8" });
  return result.error ? undefined : (/Apache Maven ([\d.]+)/.exec(result.stdout)?.[1] ?? "found");
}

const INSTALL_MAVEN =
  "install Maven (Debian/Ubuntu: sudo apt-get install maven; macOS: brew install maven; Windows: winget install Apache.Maven) and run again, or use Docker (--provider docker)";

export const NETWORK_FAILURE = /Could not transfer|Unknown host|UnknownHostException|Connection refused|Network is unreachable|Connect timed out|Could not resolve dependencies|Non-resolvable/i;

function mavenArgs(outputDir: string): string[] {
  const args = ["-B", "-f", POM, `-Dkafka.version=${KAFKA_VERSION}`, "dependency:copy-dependencies", `-DoutputDirectory=${outputDir}`];
  const settings = process.env.KAFKALINGS_MAVEN_SETTINGS;
  return settings ? ["-s", settings, ...args] : args;
}

/** Returns the folder of Kafka's jars, resolving them with Maven the first time. */
export async function ensureKafkaJars(onProgress: ProgressListener = () => {}): Promise<string> {
  const dir = jarsDir();
  if (jarsCached(dir)) return dir;
  const parent = dirname(dir);
  mkdirSync(parent, { recursive: true });
  const staging = join(parent, `lib.${process.pid}.partial`);
  rmSync(staging, { recursive: true, force: true });
  const logFile = join(parent, "maven.log");
  onProgress(`resolving Kafka ${KAFKA_VERSION} jars from Maven Central (once; about 60 MB)`);
  const output = await runMaven(mavenArgs(staging), logFile, (downloaded) =>
    onProgress(`resolving Kafka ${KAFKA_VERSION} jars from Maven Central (${downloaded} files downloaded)`),
  );
  if (output.code !== 0) {
    rmSync(staging, { recursive: true, force: true });
    const tail = output.lines.filter((line) => line.includes("[ERROR]")).slice(0, 5).join("\n");
    if (NETWORK_FAILURE.test(output.lines.join("\n"))) {
      throw new MavenResolutionError(
        `Maven could not download the Kafka ${KAFKA_VERSION} jars from Maven Central (see ${logFile}).`,
        "check your network or proxy, or point KAFKALINGS_MAVEN_SETTINGS at a settings.xml with your mirror, then run again",
        tail,
      );
    }
    throw new MavenResolutionError(`Maven failed to resolve the Kafka ${KAFKA_VERSION} jars (see ${logFile}).`, "read the log above, fix what it says, then run again", tail);
  }
  writeFileSync(join(staging, COMPLETE_MARK), `${readdirSync(staging).length} jars for Kafka ${KAFKA_VERSION}\n`);
  if (!jarsCached(dir)) {
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
  } else {
    rmSync(staging, { recursive: true, force: true });
  }
  return dir;
}

export function runMaven(args: string[], logFile: string, onDownload: (count: number) => void): Promise<{ code: number; lines: string[] }> {
  return new Promise((resolve, reject) => {
    const log = createWriteStream(logFile);
    const child = spawn("mvn", args, { stdio: ["ignore", "pipe", "pipe"] });
    const lines: string[] = [];
    let downloaded = 0;
    let pending = "";
    const onData = (chunk: Buffer) => {
      log.write(chunk);
      pending += chunk.toString("utf8");
      const complete = pending.split("\n");
      pending = complete.pop() ?? "";
      for (const line of complete) {
        lines.push(line);
        if (line.includes("Downloaded from")) onDownload(++downloaded);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("error", (error: NodeJS.ErrnoException) => {
      log.end();
      if (error.code === "ENOENT") {
        reject(new MavenMissingError(`Maven (mvn) was not found, and the Kafka ${KAFKA_VERSION} jars are not cached yet in ${dirname(jarsDir())}.`, INSTALL_MAVEN));
      } else reject(error);
    });
    child.once("close", (code) => {
      log.end();
      resolve({ code: code ?? 1, lines: pending ? [...lines, pending] : lines });
    });
  });
}
