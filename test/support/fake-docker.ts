// A stand-in Docker engine on a unix socket: enough of the Engine API for the probe (ping, version, images).
import { createServer } from "node:http";
import { join } from "node:path";
import { isolatedStateDir } from "./paths.ts";

export interface FakeEngine {
  socket: string;
  close(): Promise<void>;
}

export async function startFakeDockerEngine(presentImages: string[] = []): Promise<FakeEngine> {
  const socket = join(isolatedStateDir("fake-docker"), "docker.sock");
  const server = createServer((request, response) => {
    const url = decodeURIComponent(request.url ?? "");
    if (url === "/_ping") return response.end("OK");
    if (url === "/version") return response.setHeader("Content-Type", "application/json").end(JSON.stringify({ Version: "28.2.2", ApiVersion: "1.50" }));
    const image = /^\/images\/(.+)\/json$/.exec(url)?.[1];
    if (image && presentImages.includes(image)) return response.setHeader("Content-Type", "application/json").end(JSON.stringify({ Id: "sha256:0" }));
    response.statusCode = 404;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  return { socket, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
