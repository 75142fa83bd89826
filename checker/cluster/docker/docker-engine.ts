// Finds the Docker (or Podman) engine the way Docker and Testcontainers do, and asks whether it answers.
import { existsSync, readFileSync, readlinkSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import { homedir, userInfo } from "node:os";
import { join } from "node:path";
import { DockerUnavailableError } from "../errors.ts";
import { DOCKER_IMAGES } from "../settings.ts";

export type DockerEngineProbe = ReachableEngine | UnreachableEngine;

export interface ReachableEngine {
  reachable: true;
  /** The socket path, or the DOCKER_HOST address of a TCP engine. */
  socket: string;
  version: string;
  /** For each image the docker provider uses: whether the engine has it already (else the first start pulls it). */
  images: Record<string, boolean>;
  /**
   * The engine runs in our network namespace, so ports it publishes on 127.0.0.1 reach us — also when this process
   * runs in a container that has its own engine (where Testcontainers would look at the bridge gateway instead).
   */
  sharesOurNetwork: boolean;
}

export interface UnreachableEngine {
  reachable: false;
  /** Set when a socket (or DOCKER_HOST) was found but nothing usable answered there. */
  socket?: string;
  reason: string;
  problem: "missing" | "unresponsive" | "denied";
}

interface EngineTarget {
  socket: string;
  /** How node:http reaches it: a unix socket path, or host and port. */
  options: http.RequestOptions;
  tls: boolean;
}

/**
 * DOCKER_HOST when set, else the usual sockets in order; the first engine that answers wins, as in
 * Testcontainers, so a stale /var/run/docker.sock does not hide a running Colima or Podman.
 */
export async function probeDockerEngine(timeoutMs = 3000, env: NodeJS.ProcessEnv = process.env): Promise<DockerEngineProbe> {
  let targets: EngineTarget[];
  try {
    targets = env.DOCKER_HOST ? dockerHostTarget(env.DOCKER_HOST, env) : defaultSocketTargets(env);
  } catch (error) {
    return { reachable: false, problem: "missing", reason: `no Docker engine found: ${(error as Error).message}` };
  }
  if (targets.length === 0) {
    const where = env.DOCKER_HOST ? ` (DOCKER_HOST=${env.DOCKER_HOST}, and there is no such socket)` : "";
    return { reachable: false, problem: "missing", reason: `no Docker engine found${where}` };
  }
  const deadline = AbortSignal.timeout(timeoutMs);
  let firstFailure: UnreachableEngine | undefined;
  for (const target of targets) {
    const probe = await pingEngine(target, deadline, timeoutMs);
    if (probe.reachable) return probe;
    firstFailure ??= probe;
  }
  return firstFailure!;
}

/** The DOCKER_HOST value for a probed socket, so that Testcontainers and the docker CLI use the same engine. */
export function dockerHostOf(socket: string): string {
  return socket.includes("://") ? socket : `unix://${socket}`;
}

/** One line that says what is wrong with the engine, and what to do about it. */
export function dockerUnavailableError(probe: UnreachableEngine, fix = FIXES[probe.problem]): DockerUnavailableError {
  return new DockerUnavailableError(`${probe.reason.charAt(0).toUpperCase()}${probe.reason.slice(1)}.`, fix);
}

const OR_LOCAL = "or use the local provider: --provider local";

const FIXES: Record<UnreachableEngine["problem"], string> = {
  missing: `install and start Docker (https://docs.docker.com/get-docker/), ${OR_LOCAL}`,
  unresponsive: `start Docker (Docker Desktop, or: sudo systemctl start docker), ${OR_LOCAL}`,
  denied: `let this user use Docker (sudo usermod -aG docker $USER, then log in again), ${OR_LOCAL}`,
};

function dockerHostTarget(dockerHost: string, env: NodeJS.ProcessEnv): EngineTarget[] {
  const url = new URL(dockerHost);
  if (url.protocol === "unix:") return existsSync(url.pathname) ? [{ socket: url.pathname, options: { socketPath: url.pathname }, tls: false }] : [];
  if (url.protocol !== "tcp:" && url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`DOCKER_HOST=${dockerHost} is neither a unix:// nor a tcp:// address`);
  }
  // As the docker CLI: DOCKER_TLS_VERIFY turns on TLS with the certificates in DOCKER_CERT_PATH.
  const tls = url.protocol === "https:" || (!!env.DOCKER_TLS_VERIFY && env.DOCKER_TLS_VERIFY !== "0");
  const certs = tls ? tlsCertificates(env.DOCKER_CERT_PATH ?? join(homedir(), ".docker")) : {};
  return [{ socket: dockerHost, options: { host: url.hostname, port: Number(url.port || (tls ? 2376 : 2375)), ...certs }, tls }];
}

function tlsCertificates(dir: string): https.RequestOptions {
  return { ca: readFileSync(join(dir, "ca.pem")), cert: readFileSync(join(dir, "cert.pem")), key: readFileSync(join(dir, "key.pem")) };
}

function defaultSocketTargets(env: NodeJS.ProcessEnv): EngineTarget[] {
  const home = homedir();
  const runtimeDir = env.XDG_RUNTIME_DIR;
  const candidates = [
    "/var/run/docker.sock",
    runtimeDir && join(runtimeDir, "docker.sock"),
    join(home, ".docker", "run", "docker.sock"),
    join(home, ".docker", "desktop", "docker.sock"),
    `/run/user/${userInfo().uid}/docker.sock`,
    join(home, ".colima", "default", "docker.sock"),
    runtimeDir && join(runtimeDir, "podman", "podman.sock"),
    "/run/podman/podman.sock",
  ];
  const existing = [...new Set(candidates.filter((path): path is string => !!path && existsSync(path)))];
  return existing.map((socket) => ({ socket, options: { socketPath: socket }, tls: false }));
}

async function pingEngine(target: EngineTarget, signal: AbortSignal, timeoutMs: number): Promise<DockerEngineProbe> {
  const { socket } = target;
  try {
    const ping = await httpGet(target, "/_ping", signal);
    if (ping.status !== 200) return unanswered(socket, `/_ping returned HTTP ${ping.status}`);
    const version = await httpGet(target, "/version", signal);
    const images = Object.fromEntries(
      await Promise.all(Object.values(DOCKER_IMAGES).map(async (image) => [image, (await httpGet(target, `/images/${encodeURIComponent(image)}/json`, signal)).status === 200] as const)),
    );
    const sharesOurNetwork = !target.options.host && engineSharesOurNetwork(socket);
    return { reachable: true, socket, version: String((JSON.parse(version.body) as { Version?: unknown }).Version ?? "unknown"), images, sharesOurNetwork };
  } catch (error) {
    if (signal.aborted) return unanswered(socket, `no reply within ${timeoutMs / 1000} s`);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EACCES" || code === "EPERM") {
      return { reachable: false, socket, problem: "denied", reason: `a Docker socket exists at ${socket} but this user may not use it (permission denied)` };
    }
    return unanswered(socket, code === "ECONNREFUSED" ? "connection refused" : (code ?? (error as Error).message));
  }
}

/**
 * dockerd writes its pid beside its socket (/var/run/docker.pid, $XDG_RUNTIME_DIR/docker.pid); when that process
 * shares our network namespace, what it publishes on 127.0.0.1 is our loopback. A socket mounted from another host
 * or VM has no such pid here.
 */
function engineSharesOurNetwork(socket: string): boolean {
  try {
    const pid = readFileSync(socket.replace(/\.sock$/, ".pid"), "utf8").trim();
    return /^\d+$/.test(pid) && readlinkSync(`/proc/${pid}/ns/net`) === readlinkSync("/proc/self/ns/net");
  } catch {
    return false;
  }
}

function unanswered(socket: string, detail: string): UnreachableEngine {
  const where = socket.includes("://") ? `DOCKER_HOST is ${socket} but the engine there` : `a Docker socket exists at ${socket} but the engine`;
  return { reachable: false, socket, problem: "unresponsive", reason: `${where} does not answer (${detail})` };
}

function httpGet(target: EngineTarget, path: string, signal: AbortSignal): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    // agent: false gives a one-off connection, so no pooled socket outlives the probe.
    const request = (target.tls ? https : http).get({ ...target.options, path, signal, agent: false }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}
