// npm run doctor: one screen that says what this machine has for kafkalings, which provider `check` will use,
// and the exact command that fixes anything missing. Exit code 1 when no provider can work.
import { statfsSync } from "node:fs";
import chalk from "chalk";
import { probeDockerEngine } from "../cluster/docker/docker-engine.ts";
import { ClusterError, JavaMissingError } from "../cluster/errors.ts";
import { externalSettingsFromEnv } from "../cluster/external/external-cluster.ts";
import { jarsCached, mavenVersion } from "../cluster/local/jars.ts";
import { detectJava } from "../cluster/local/java.ts";
import { isPortFree } from "../cluster/ports.ts";
import { chooseProvider, recordedCluster, requestedProvider } from "../cluster/provider.ts";
import { KAFKA_VERSION, WELL_KNOWN_PORTS, cacheDir, jarsDir } from "../cluster/settings.ts";
import { runCommand } from "./render.ts";

type Verdict = "ok" | "warn" | "fail";
const MARK: Record<Verdict, string> = { ok: chalk.green("✔"), warn: chalk.yellow("!"), fail: chalk.red("✖") };
const MIN_FREE_GB = 2;

function line(verdict: Verdict, what: string, detail: string, fix?: string): void {
  console.log(`${MARK[verdict]} ${what.padEnd(14)} ${detail}${fix ? `\n  ${" ".repeat(14)} fix: ${fix}` : ""}`);
}

function nodeVersionOk(): boolean {
  const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
  return major > 20 || (major === 20 && minor >= 19);
}

await runCommand(async () => {
  console.log(chalk.bold("kafkalings doctor\n"));
  line(nodeVersionOk() ? "ok" : "fail", "Node.js", process.versions.node, nodeVersionOk() ? undefined : "install Node.js 20.19 or newer (e.g. nvm install 22)");

  try {
    const runtime = detectJava();
    line("ok", "Java", `${runtime.version} (${runtime.path})`);
  } catch (error) {
    if (!(error instanceof JavaMissingError)) throw error;
    line("fail", "Java", error.message, error.fix);
  }
  const maven = mavenVersion();
  const cached = jarsCached();
  line(maven ? "ok" : cached ? "warn" : "fail", "Maven", maven ?? "not found", maven ? undefined : "sudo apt-get install maven (macOS: brew install maven)");
  line(cached ? "ok" : "warn", "Kafka jars", cached ? `Kafka ${KAFKA_VERSION} cached in ${jarsDir()}` : `not cached yet: the first local start fetches ~56 MB with Maven`);

  const engine = await probeDockerEngine();
  if (engine.reachable) {
    const missing = Object.entries(engine.images).filter(([, present]) => !present).map(([image]) => image);
    line("ok", "Docker", `engine ${engine.version} at ${engine.socket}`);
    line(missing.length ? "warn" : "ok", "images", missing.length ? `not pulled yet: ${missing.join(", ")} (about 1 GB, pulled on first start)` : "all present");
  } else {
    line(engine.socket ? "fail" : "warn", "Docker", engine.reason, engine.socket ? "start Docker (Docker Desktop, or: sudo systemctl start docker)" : "optional: install Docker to use the docker provider");
  }

  const taken = [];
  for (const port of [WELL_KNOWN_PORTS.zookeeper, ...WELL_KNOWN_PORTS.brokers]) if (!(await isPortFree(port))) taken.push(port);
  const cluster = await recordedCluster();
  line(
    taken.length && !cluster ? "warn" : "ok",
    "ports",
    taken.length ? `${taken.join(", ")} in use${cluster ? " (by the running cluster)" : "; the local provider will pick free ports"}` : "2181, 9092-9094 free",
    taken.length && !cluster ? `see who holds them: ss -ltnp 'sport = :${taken[0]}'` : undefined,
  );
  const free = statfsSync(process.env.KAFKALINGS_CACHE_DIR ? cacheDir() : "/");
  const freeGb = (free.bavail * free.bsize) / 1024 ** 3;
  line(freeGb >= MIN_FREE_GB ? "ok" : "warn", "disk", `${freeGb.toFixed(1)} GB free`, freeGb >= MIN_FREE_GB ? undefined : `free at least ${MIN_FREE_GB} GB for jars, images and cluster data`);
  line("ok", "cluster", cluster ? `${cluster.provider}, ${cluster.mode} mode, ${cluster.bootstrapServers.join(",")}` : "none running (npm run cluster -- up starts one)");

  // The same decision `check` makes, so that the two never disagree.
  let provider: string | undefined = cluster?.provider;
  let problem: string | undefined;
  try {
    provider ??= await chooseProvider(requestedProvider());
    if (provider === "external") externalSettingsFromEnv();
  } catch (error) {
    if (!(error instanceof ClusterError)) throw error;
    problem = error.message;
  }
  console.log();
  if (provider && !problem) {
    console.log(`${MARK.ok} npm run check will use the ${chalk.bold(provider)} provider${cluster ? " (the running cluster)" : ""}.`);
    return 0;
  }
  console.log(`${MARK.fail} No provider can work${provider ? ` (asked for: ${provider})` : ""}: install Docker, or Java 17+ and Maven (sudo apt-get install openjdk-17-jre-headless maven).`);
  console.log(chalk.dim(`  ${problem}`));
  return 1;
});
