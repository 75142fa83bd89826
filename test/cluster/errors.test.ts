// Each way starting a cluster can go wrong produces one clear line and a fix, never a stack trace.
import { writeFileSync, chmodSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isPortFree } from "../../checker/cluster/ports.ts";
import { expectCleanError, runCli } from "../support/cli.ts";
import { isolatedStateDir } from "../support/paths.ts";
import { kafkaProcessesMatching } from "../support/processes.ts";
import { pathWith, which } from "../support/which.ts";

function fakeJava(version: string): string {
  const bin = join(isolatedStateDir("fake-java"), "java");
  writeFileSync(bin, `#!/bin/sh\necho 'openjdk version "${version}" 2019-01-15' >&2\n`);
  chmodSync(bin, 0o755);
  return bin;
}

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

function occupy(port: number, host = "127.0.0.1"): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    servers.push(server);
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
}

function envFor(label: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { KAFKALINGS_STATE_DIR: isolatedStateDir(label), JAVA_HOME: "", ...extra };
}

describe("starting a local cluster fails clearly when", () => {
  it("there is no Java", async () => {
    const result = await runCli("cluster", ["up", "--provider", "local"], envFor("no-java", { PATH: pathWith({ mvn: which("mvn") }) }));
    expect(expectCleanError(result)).toMatch(/✖ Java was not found.*\n\s+fix: install Java 17\+/);
  });

  it("Java is older than 17", async () => {
    const result = await runCli("cluster", ["up", "--provider", "local"], envFor("old-java", { PATH: pathWith({ java: fakeJava("11.0.2") }) }));
    expect(expectCleanError(result)).toContain("✖ Java 11.0.2 is too old: the local cluster needs Java 17 or newer.");
  });

  it("there is no Maven and no cached jars", async () => {
    const env = envFor("no-maven", { PATH: pathWith({ java: which("java") }), KAFKALINGS_CACHE_DIR: isolatedStateDir("empty-cache") });
    const result = await runCli("cluster", ["up", "--provider", "local"], env);
    expect(expectCleanError(result)).toMatch(/✖ Maven \(mvn\) was not found, and the Kafka 3\.9\.2 jars are not cached yet.*\n\s+fix: install Maven/);
  });

  it("Maven Central cannot be reached", async () => {
    const scratch = isolatedStateDir("offline-maven");
    const settings = join(scratch, "settings.xml");
    writeFileSync(
      settings,
      `<settings><localRepository>${join(scratch, "repo")}</localRepository><mirrors><mirror><id>nowhere</id><mirrorOf>*</mirrorOf><url>http://127.0.0.1:9/maven</url></mirror></mirrors></settings>`,
    );
    const env = envFor("offline", { KAFKALINGS_CACHE_DIR: join(scratch, "cache"), KAFKALINGS_MAVEN_SETTINGS: settings });
    const result = await runCli("cluster", ["up", "--provider", "local"], env);
    expect(expectCleanError(result)).toMatch(/✖ Maven could not download the Kafka 3\.9\.2 jars from Maven Central.*\n\s+fix: check your network or proxy/);
  });

  it("a well-known port is taken and --fixed-ports is given", async () => {
    if (await isPortFree(9092)) await occupy(9092);
    const result = await runCli("cluster", ["up", "--provider", "local", "--fixed-ports"], envFor("taken-port"));
    expect(expectCleanError(result)).toMatch(/✖ Port .*9092.* is taken by another program.*\n\s+fix: stop that program/);
  });

  it("a broker fails to start: the last lines of its log and its path are shown, and nothing is left running", async () => {
    const env = envFor("bad-broker", { KAFKALINGS_BROKER_JVM_OPTS: "-XX:+ThisOptionDoesNotExist" });
    const result = await runCli("cluster", ["up", "--provider", "local"], env);
    const stderr = expectCleanError(result);
    expect(stderr).toMatch(/✖ Broker \d exited during start-up\. Its log is .*broker-\d\.log/);
    expect(stderr).toContain("│ Unrecognized VM option 'ThisOptionDoesNotExist'");
    expect(kafkaProcessesMatching(env.KAFKALINGS_STATE_DIR!)).toEqual([]);
  });

  it("the Docker socket exists but the engine does not answer", async () => {
    const scratch = isolatedStateDir("mute-docker");
    const socket = join(scratch, "docker.sock");
    const mute = createServer(() => {});
    servers.push(mute);
    await new Promise<void>((resolve) => mute.listen(socket, resolve));
    const result = await runCli("cluster", ["up", "--provider", "docker"], envFor("docker", { DOCKER_HOST: `unix://${socket}` }));
    expect(expectCleanError(result)).toMatch(new RegExp(`✖ .*${socket}.*does not answer`));
  });

  it("no provider can work at all", async () => {
    const env = envFor("nothing", { PATH: pathWith({}), DOCKER_HOST: "unix:///nonexistent/docker.sock", KAFKALINGS_CACHE_DIR: isolatedStateDir("empty") });
    const result = await runCli("cluster", ["up"], env);
    expect(expectCleanError(result)).toMatch(/✖ No way to run Kafka here.*\n\s+fix: install Docker .*or Java 17\+ and Maven/);
  });

  it("the external provider has no bootstrap servers", async () => {
    const result = await runCli("cluster", ["up", "--provider", "external"], envFor("external", { KAFKA_BOOTSTRAP_SERVERS: "" }));
    expect(expectCleanError(result)).toContain("✖ The external provider needs KAFKA_BOOTSTRAP_SERVERS, which is not set.");
  });

  it("the state file is corrupt: it is backed up, and the learner is told", async () => {
    const stateDir = isolatedStateDir("corrupt");
    writeFileSync(join(stateDir, "cluster.json"), "{ this is not json");
    const result = await runCli("cluster", ["status"], { KAFKALINGS_STATE_DIR: stateDir });
    expect(result.stderr).toMatch(/The cluster state file .*cluster\.json was unreadable \(not valid JSON\); it is kept as .*cluster\.json\.corrupt-\d+/);
    expect(result.stdout).toContain("No cluster is running");
  });
});
