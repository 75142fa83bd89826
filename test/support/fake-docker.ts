// A stand-in Docker engine on a unix socket: enough of the Engine API for the probe (ping, version, images) and
// for pulls, which either stream two layers of progress and finish, or stall after the first progress line.
import { createServer } from "node:http";
import { join } from "node:path";
import { isolatedStateDir } from "./paths.ts";

export interface FakeEngine {
  socket: string;
  close(): Promise<void>;
}

export type FakePull = "completes" | "stalls";

export async function startFakeDockerEngine(presentImages: string[] = [], pull: FakePull = "completes"): Promise<FakeEngine> {
  const socket = join(isolatedStateDir("fake-docker"), "docker.sock");
  const server = createServer((request, response) => {
    const url = decodeURIComponent(request.url ?? "");
    if (url === "/_ping") return response.end("OK");
    if (/\/images\/create\?fromImage=/.test(url)) return fakePull(response, pull);
    if (url === "/version") return response.setHeader("Content-Type", "application/json").end(JSON.stringify({ Version: "28.2.2", ApiVersion: "1.50" }));
    const image = /^\/images\/(.+)\/json$/.exec(url)?.[1];
    if (image && presentImages.includes(image)) return response.setHeader("Content-Type", "application/json").end(JSON.stringify({ Id: "sha256:0" }));
    response.statusCode = 404;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  return { socket, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function fakePull(response: import("node:http").ServerResponse, pull: FakePull): void {
  response.setHeader("Content-Type", "application/json");
  const line = (event: object) => response.write(`${JSON.stringify(event)}\n`);
  line({ status: "Downloading", id: "layer-a", progressDetail: { current: 100_000_000, total: 400_000_000 } });
  if (pull === "stalls") return; // the connection stays open, and nothing more comes
  line({ status: "Downloading", id: "layer-b", progressDetail: { current: 50_000_000, total: 100_000_000 } });
  line({ status: "Download complete", id: "layer-a", progressDetail: { current: 400_000_000, total: 400_000_000 } });
  response.end();
}
