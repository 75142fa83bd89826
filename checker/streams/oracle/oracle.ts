// The Java oracle: Kafka Streams itself, run through Java's TopologyTestDriver on the scenario files. Maven compiles
// the module beside this file once into the per-user cache (keyed by a hash of its sources); every run after that
// is one `java` process for all scenarios.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { JavaMissingError, MavenMissingError, MavenResolutionError } from "../../cluster/errors.ts";
import { NETWORK_FAILURE, mavenVersion, runMaven } from "../../cluster/local/jars.ts";
import { detectJava } from "../../cluster/local/java.ts";
import { cacheDir } from "../../cluster/settings.ts";
import { KAFKA_STREAMS_VERSION } from "../version.ts";

const MODULE_DIR = dirname(fileURLToPath(import.meta.url));
const POM = join(MODULE_DIR, "pom.xml");
const SOURCES = join(MODULE_DIR, "src", "main", "java", "dev", "kafkalings", "oracle");
const COMPLETE_MARK = ".complete";

const INSTALL_MAVEN = "install Maven (Debian/Ubuntu: sudo apt-get install maven; macOS: brew install maven; Windows: winget install Apache.Maven) and run again";

export const OutputRecordSchema = z.object({
  step: z.number(),
  topic: z.string(),
  key: z.string().nullable(),
  value: z.string().nullable(),
  /** null for the side records of peek/foreach, which have no sink. */
  ts: z.number().nullable(),
});
export type OutputRecord = z.infer<typeof OutputRecordSchema>;

export const ScenarioResultSchema = z.object({
  scenario: z.string(),
  outputs: z.array(OutputRecordSchema),
  topics: z.array(z.string()),
  describe: z.string().optional(),
  error: z.string().optional(),
});
export type ScenarioResult = z.infer<typeof ScenarioResultSchema>;

const OracleLineSchema = ScenarioResultSchema.extend({ oracle: z.string() });
export type OracleResult = z.infer<typeof OracleLineSchema>;

/** Content hash of the module, so an edited Topologies.java is rebuilt and a stale build is never used. */
function moduleHash(): string {
  const hash = createHash("sha256").update(readFileSync(POM));
  for (const file of readdirSync(SOURCES).sort()) hash.update(file).update(readFileSync(join(SOURCES, file)));
  return hash.digest("hex").slice(0, 12);
}

export function oracleBuildDir(): string {
  return join(cacheDir(), `streams-oracle-${KAFKA_STREAMS_VERSION}-${moduleHash()}`);
}

function classpath(buildDir: string): string {
  return [join(buildDir, "classes"), join(buildDir, "lib", "*")].join(delimiter);
}

/** Compiles the oracle with Maven the first time (about 20 MB of jars); returns the java class path. */
export async function ensureOracle(onProgress: (step: string) => void = () => {}): Promise<string> {
  const dir = oracleBuildDir();
  if (existsSync(join(dir, COMPLETE_MARK))) return classpath(dir);
  if (!mavenVersion()) {
    throw new MavenMissingError(`Maven (mvn) was not found, and the Java Streams oracle (Kafka Streams ${KAFKA_STREAMS_VERSION}) is not built yet in ${dir}.`, INSTALL_MAVEN);
  }
  mkdirSync(dirname(dir), { recursive: true });
  const staging = `${dir}.${process.pid}.partial`;
  rmSync(staging, { recursive: true, force: true });
  const logFile = `${dir}.maven.log`;
  onProgress(`building the Java Streams oracle (Kafka Streams ${KAFKA_STREAMS_VERSION}) with Maven, once`);
  const args = ["-B", "-f", POM, `-Doracle.buildDir=${staging}`, `-Dkafka.streams.version=${KAFKA_STREAMS_VERSION}`, "compile", "dependency:copy-dependencies", `-DoutputDirectory=${join(staging, "lib")}`];
  const settings = process.env.KAFKALINGS_MAVEN_SETTINGS;
  const output = await runMaven(settings ? ["-s", settings, ...args] : args, logFile, (downloaded) => onProgress(`building the Java Streams oracle (${downloaded} files downloaded)`));
  if (output.code !== 0) {
    rmSync(staging, { recursive: true, force: true });
    const tail = output.lines.filter((line) => line.includes("[ERROR]")).slice(0, 5).join("\n");
    const offline = NETWORK_FAILURE.test(output.lines.join("\n"));
    throw new MavenResolutionError(
      offline ? `Maven could not download Kafka Streams ${KAFKA_STREAMS_VERSION} for the oracle (see ${logFile}).` : `Maven failed to build the Java Streams oracle (see ${logFile}).`,
      offline ? "check your network or proxy, or point KAFKALINGS_MAVEN_SETTINGS at a settings.xml with your mirror, then run again" : "read the log, fix what it says, then run again",
      tail,
    );
  }
  writeFileSync(join(staging, COMPLETE_MARK), `Kafka Streams ${KAFKA_STREAMS_VERSION}\n`);
  if (existsSync(join(dir, COMPLETE_MARK))) rmSync(staging, { recursive: true, force: true });
  else {
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
  }
  return classpath(dir);
}

/** The JVM to run the oracle on; the cluster module's check, with a message about the oracle. */
function javaPath(): string {
  try {
    return detectJava().path;
  } catch (error) {
    if (error instanceof JavaMissingError) {
      throw new JavaMissingError(`The Java Streams oracle needs Java: ${error.message.replace(/,? and the local cluster.*$/, ".")}`, error.fix);
    }
    throw error;
  }
}

/** Runs a main class of the oracle module; resolves with its stdout, rejects with its stderr on failure. */
export async function runJavaMain(mainClass: string, args: string[], onProgress?: (step: string) => void): Promise<string> {
  const java = javaPath();
  const cp = await ensureOracle(onProgress);
  return new Promise((resolve, reject) => {
    const child = spawn(java, ["-cp", cp, mainClass, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.once("error", reject);
    child.once("close", (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`${mainClass} exited with ${code}: ${stderr.trim().split("\n").slice(0, 5).join("\n")}`));
    });
  });
}

/** Every scenario of `scenarioDir` (or just `only`) through Java's TopologyTestDriver, in file-name order. */
export async function runOracle(scenarioDir: string, only?: string, onProgress?: (step: string) => void): Promise<OracleResult[]> {
  const stdout = await runJavaMain("dev.kafkalings.oracle.Oracle", only ? [scenarioDir, only] : [scenarioDir], onProgress);
  return stdout
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => OracleLineSchema.parse(JSON.parse(line)));
}
