import { createServer, Socket } from "node:net";

/** True when nothing listens on 127.0.0.1:port and we may bind it. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port the OS says is free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1" }, () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** True when something accepts TCP connections on host:port. */
export function isListening(port: number, host = "127.0.0.1", timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (result: boolean) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("error", () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

export interface PortChoice {
  wanted: number;
  port: number;
}

/**
 * Takes each wanted port when it is free, else a free one; `port !== wanted` tells the caller it moved.
 * Ports already handed out in this call are never handed out twice.
 */
export async function choosePorts(wanted: readonly number[]): Promise<PortChoice[]> {
  const chosen: PortChoice[] = [];
  const used = new Set<number>();
  for (const port of wanted) {
    let pick = port;
    if (!(await isPortFree(port))) {
      do pick = await freePort();
      while (used.has(pick) || wanted.includes(pick));
    }
    used.add(pick);
    chosen.push({ wanted: port, port: pick });
  }
  return chosen;
}
