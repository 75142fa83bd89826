// The docker provider's parts that need no Docker engine: finding and probing the engine, refusing KRaft, and
// pulling images (progress, stall time-out) from a stand-in engine.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createNetServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Dockerode from "dockerode";
import { afterEach, describe, expect, it } from "vitest";
import { DockerCluster } from "../../checker/cluster/docker/docker-cluster.ts";
import { dockerUnavailableError, probeDockerEngine, type UnreachableEngine } from "../../checker/cluster/docker/docker-engine.ts";
import { DockerUnavailableError, ImagePullError, NotSupportedError } from "../../checker/cluster/errors.ts";
import { pullImages } from "../../checker/cluster/docker/image-pull.ts";
import { DOCKER_IMAGES } from "../../checker/cluster/settings.ts";
import { startFakeDockerEngine, type FakePull } from "../support/fake-docker.ts";

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A socket path in a fresh temporary folder, removed after the test. */
function socketPath(): string {
  const dir = mkdtempSync(join(tmpdir(), "kafkalings-docker-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, "docker.sock");
}

/** Listens on the unix socket and registers the server (and its open connections) for closing. */
async function listenOn(server: Server, path: string): Promise<void> {
  const connections = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    connections.add(socket);
    socket.on("close", () => connections.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(path, resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of connections) socket.destroy();
        server.close(() => resolve());
      }),
  );
}

function dockerHostEnv(path: string): NodeJS.ProcessEnv {
  return { DOCKER_HOST: `unix://${path}` };
}

describe("probeDockerEngine", () => {
  it("reports no engine when DOCKER_HOST names a socket that does not exist", async () => {
    const probe = await probeDockerEngine(1000, dockerHostEnv(socketPath()));
    expect(probe.reachable).toBe(false);
    expect(probe.socket).toBeUndefined();
    expect(probe.reachable === false && probe.reason).toMatch(/no Docker engine found/);
  });

  it("reports an engine that accepts connections but never answers, within the timeout", async () => {
    const path = socketPath();
    await listenOn(createNetServer(() => {}), path);
    const started = Date.now();
    const probe = await probeDockerEngine(300, dockerHostEnv(path));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(probe).toMatchObject({ reachable: false, socket: path, problem: "unresponsive" });
    expect(probe.reachable === false && probe.reason).toMatch(/does not answer/);
  });

  it("finds a running engine and reads its version and which of our images it has", async () => {
    const engine = await startFakeDockerEngine([DOCKER_IMAGES.zookeeper]);
    try {
      expect(await probeDockerEngine(1000, dockerHostEnv(engine.socket))).toEqual({
        reachable: true,
        socket: engine.socket,
        version: "28.2.2",
        images: { [DOCKER_IMAGES.zookeeper]: true, [DOCKER_IMAGES.kafka]: false },
        sharesOurNetwork: false,
      });
    } finally {
      await engine.close();
    }
  });

  // Testcontainers inside a container (/.dockerenv) would look for published ports on the bridge gateway; an engine
  // whose pid (written beside its socket) shares our network namespace publishes on our loopback.
  it("tells an engine that runs in our network namespace by the pid it writes beside its socket", async () => {
    const beside = await startFakeDockerEngine();
    try {
      writeFileSync(beside.socket.replace(/\.sock$/, ".pid"), `${process.pid}\n`);
      expect(await probeDockerEngine(1000, dockerHostEnv(beside.socket))).toMatchObject({ reachable: true, sharesOurNetwork: true });
    } finally {
      await beside.close();
    }
  });
});

describe("dockerUnavailableError", () => {
  it("names the socket and says how to fix it", async () => {
    const path = socketPath();
    await listenOn(createNetServer(() => {}), path);
    const probe = (await probeDockerEngine(200, dockerHostEnv(path))) as UnreachableEngine;
    const error = dockerUnavailableError(probe);
    expect(error).toBeInstanceOf(DockerUnavailableError);
    expect(error.message).toContain(path);
    expect(error.message.split("\n")).toHaveLength(1);
    expect(error.fix).toMatch(/start Docker.*--provider local/);
    expect(error.retriable).toBe(true);
  });
});

describe("DockerCluster", () => {
  it("refuses KRaft mode before it looks for an engine", async () => {
    await expect(new DockerCluster().withMode("kraft").start()).rejects.toBeInstanceOf(NotSupportedError);
    await expect(new DockerCluster().withMode("kraft").start()).rejects.toMatchObject({ fix: expect.stringContaining("--provider local --mode kraft") });
  });
});

describe("pulling images", () => {
  async function pullFrom(pull: FakePull, stallMs: number) {
    const engine = await startFakeDockerEngine([], pull);
    cleanups.push(() => engine.close());
    const notices: string[] = [];
    const steps: string[] = [];
    const docker = new Dockerode({ socketPath: engine.socket });
    const outcome = await pullImages(docker, ["confluentinc/cp-kafka:7.9.1"], { notice: (text) => notices.push(text), step: (text) => steps.push(text) }, stallMs).then(
      () => undefined,
      (error: unknown) => error,
    );
    return { notices, steps, outcome };
  }

  it("says how much is coming before it pulls, and shows progress in megabytes", async () => {
    const { notices, steps, outcome } = await pullFrom("completes", 5_000);
    expect(outcome).toBeUndefined();
    expect(notices).toEqual(["Docker needs confluentinc/cp-kafka:7.9.1 (about 1 GB, once); pulling them now"]);
    expect(steps).toContain("pulling images: 100 MB of 400 MB");
    expect(steps.at(-1)).toBe("pulling images: 450 MB of 500 MB");
  });

  it("gives up with a clear message when the engine stops making progress", async () => {
    const started = Date.now();
    const { outcome } = await pullFrom("stalls", 400);
    expect(outcome).toBeInstanceOf(ImagePullError);
    expect((outcome as ImagePullError).message).toBe("Pulling confluentinc/cp-kafka:7.9.1 made no progress for 0.4 s; the Docker engine or its registry connection seems stuck.");
    expect((outcome as ImagePullError).fix).toMatch(/--provider local/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
