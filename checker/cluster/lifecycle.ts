// A cluster that a command starts for itself dies with that command: on Ctrl+C, on a kill, on a crash.
/** What a cluster must offer to be cleaned up by whatever ends the process. */
export interface OwnedCluster {
  stop(): Promise<void>;
  /** Synchronous best effort, for the process `exit` event. */
  killNow(): void;
}

const owned = new Set<OwnedCluster>();
/** Work that must finish before owned clusters stop, e.g. a grade cleaning up its topics. */
const interruptHandlers = new Set<() => Promise<void>>();
let installed = false;

const EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

function install(): void {
  if (installed) return;
  installed = true;
  for (const [signal, code] of Object.entries(EXIT_CODES) as [NodeJS.Signals, number][]) {
    process.once(signal, () => {
      void Promise.allSettled([...interruptHandlers].map((handler) => handler()))
        .then(() => stopOwnedClusters())
        .finally(() => process.exit(code));
    });
  }
  // Last resort for crashes and process.exit(): only synchronous work runs here.
  process.once("exit", () => {
    for (const cluster of owned) cluster.killNow();
  });
}

/** Registers a cluster this process started for itself, so that it is stopped whatever ends the process. */
export function ownCluster(cluster: OwnedCluster): void {
  install();
  owned.add(cluster);
}

export function releaseCluster(cluster: OwnedCluster): void {
  owned.delete(cluster);
}

export async function stopOwnedClusters(): Promise<void> {
  const clusters = [...owned];
  owned.clear();
  await Promise.all(clusters.map((cluster) => cluster.stop()));
}

/** Runs `handler` on Ctrl+C (or SIGTERM/SIGHUP) before owned clusters are stopped; returns its removal. */
export function onInterrupt(handler: () => Promise<void>): () => void {
  install();
  interruptHandlers.add(handler);
  return () => interruptHandlers.delete(handler);
}
