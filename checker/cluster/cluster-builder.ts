// The settings every provider's fluent builder shares: `new LocalCluster().withMode("kraft").start()`.
import type { ClusterMode } from "./kafka-cluster.ts";
import type { StartListener } from "./start-listener.ts";

export abstract class ClusterBuilder<Started> {
  protected mode: ClusterMode = "zookeeper";
  /** The process the cluster dies with; null when it is to outlive it. */
  protected ownerPid: number | null = process.pid;
  protected listener: StartListener = {};

  withMode(mode: ClusterMode): this {
    this.mode = mode;
    return this;
  }

  /** Leave the cluster running after this process exits (what `cluster up` does). */
  withDetachedLifetime(detached = true): this {
    this.ownerPid = detached ? null : process.pid;
    return this;
  }

  withListener(listener: StartListener): this {
    this.listener = listener;
    return this;
  }

  abstract start(): Promise<Started>;
}
