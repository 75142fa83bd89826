// npm run doctor on three kinds of machine: with Docker, without Docker, and with neither Docker nor Java.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DOCKER_IMAGES } from "../../checker/cluster/settings.ts";
import { runCli } from "../support/cli.ts";
import { startFakeDockerEngine, type FakeEngine } from "../support/fake-docker.ts";
import { isolatedStateDir } from "../support/paths.ts";
import { pathWith } from "../support/which.ts";

describe("npm run doctor", () => {
  let engine: FakeEngine;
  beforeAll(async () => {
    engine = await startFakeDockerEngine([DOCKER_IMAGES.zookeeper]);
  });
  afterAll(() => engine.close());

  const base = () => ({ KAFKALINGS_STATE_DIR: isolatedStateDir("doctor"), KAFKALINGS_PROVIDER: "auto" });

  it("on a machine with Docker: the engine, the images still to pull, and the docker provider", async () => {
    const result = await runCli("doctor", [], { ...base(), DOCKER_HOST: `unix://${engine.socket}` });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/✔ Docker\s+engine 28\.2\.2 at .*docker\.sock/);
    expect(result.stdout).toContain(`not pulled yet: ${DOCKER_IMAGES.kafka} (about 1 GB, pulled on first start)`);
    expect(result.stdout).toContain("✔ npm run check will use the docker provider.");
  });

  it("on a machine without Docker: the local provider, with Java and Maven found", async () => {
    const result = await runCli("doctor", [], { ...base(), DOCKER_HOST: "unix:///nonexistent/docker.sock" });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/! Docker\s+no Docker engine found/);
    expect(result.stdout).toMatch(/✔ Java\s+17\./);
    expect(result.stdout).toContain("✔ npm run check will use the local provider.");
  });

  it("on a machine with neither Docker nor Java: what to install, and exit code 1", async () => {
    const env = { ...base(), DOCKER_HOST: "unix:///nonexistent/docker.sock", PATH: pathWith({}), JAVA_HOME: "", KAFKALINGS_CACHE_DIR: isolatedStateDir("empty-cache") };
    const result = await runCli("doctor", [], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✖ Java\s+Java was not found.*\n\s+fix: install Java 17\+/);
    expect(result.stdout).toMatch(/✖ Maven\s+not found\n\s+fix: sudo apt-get install maven/);
    expect(result.stdout).toContain("✖ No provider can work: install Docker, or Java 17+ and Maven");
  });
});
