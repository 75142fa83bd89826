// Starts a group member in a child process (see group-member.ts) and waits until it has partitions.
import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import type { KafkaConfig } from "kafkajs";
import { pollUntil } from "../../../cluster/wait.ts";

export interface MemberSettings {
  client: KafkaConfig;
  groupId: string;
  topic: string;
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
}

const MEMBER_SCRIPT = fileURLToPath(new URL("./group-member.ts", import.meta.url));

export class ForkedMember {
  private assigned: number[] = [];

  private constructor(private readonly child: ChildProcess) {
    child.on("message", (message: { assigned: number[] }) => (this.assigned = message.assigned));
  }

  static async start(settings: MemberSettings): Promise<ForkedMember> {
    const child = fork(MEMBER_SCRIPT, [], { execArgv: ["--import", "tsx"], env: { ...process.env, KAFKALINGS_PROOF_MEMBER: JSON.stringify(settings) }, stdio: "ignore" });
    const member = new ForkedMember(child);
    const assignedOrDead = () => {
      if (child.exitCode !== null) throw new Error(`the forked group member exited with code ${child.exitCode}`);
      return member.assigned.length > 0;
    };
    await pollUntil(assignedOrDead, { timeoutMs: 30_000, description: "the forked group member to get a partition", isFatal: () => true });
    return member;
  }

  partitions(): number[] {
    return this.assigned;
  }

  /** A graceful close: the member sends LeaveGroup before it exits. */
  async close(): Promise<void> {
    const exited = once(this.child, "exit");
    this.child.send("close");
    await exited;
  }

  /** A crash: SIGKILL, so the coordinator hears nothing until the session times out. */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, "exit");
    this.child.kill("SIGKILL");
    await exited;
  }
}
