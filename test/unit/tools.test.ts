import { describe, expect, it } from "vitest";
import { completeToolArgs, findTool } from "../../checker/cluster/tools.ts";

const target = { bootstrapServers: ["127.0.0.1:9092", "127.0.0.1:9093"], zookeeper: "127.0.0.1:2181" };

describe("Kafka CLI tools", () => {
  it("are found with or without the kafka- prefix, and as copied from the docs", () => {
    for (const name of ["kafka-topics", "topics", "kafka-topics.sh", "bin/kafka-topics.sh"]) expect(findTool(name)?.mainClass).toBe("org.apache.kafka.tools.TopicCommand");
    expect(findTool("console-consumer")?.mainClass).toBe("org.apache.kafka.tools.consumer.ConsoleConsumer");
    expect(findTool("kafka-nonsense")).toBeUndefined();
  });

  it("get --bootstrap-server when the learner did not say where the cluster is", () => {
    expect(completeToolArgs(findTool("kafka-topics")!, ["--list"], target)).toEqual(["--bootstrap-server", "127.0.0.1:9092,127.0.0.1:9093", "--list"]);
  });

  it("keep the learner's own --bootstrap-server, --bootstrap-server=…, or --broker-list", () => {
    const topics = findTool("kafka-topics")!;
    expect(completeToolArgs(topics, ["--bootstrap-server", "localhost:9092", "--list"], target)).toEqual(["--bootstrap-server", "localhost:9092", "--list"]);
    expect(completeToolArgs(topics, ["--bootstrap-server=localhost:9092", "--list"], target)).toEqual(["--bootstrap-server=localhost:9092", "--list"]);
    const producer = findTool("kafka-console-producer")!;
    expect(completeToolArgs(producer, ["--broker-list", "localhost:9092", "--topic", "t"], target)).toEqual(["--broker-list", "localhost:9092", "--topic", "t"]);
  });

  it("add the client properties file of an external cluster with the tool's own flag", () => {
    const withConfig = { ...target, clientPropertiesFile: "/tmp/client.properties" };
    expect(completeToolArgs(findTool("kafka-console-consumer")!, ["--topic", "t"], withConfig)).toEqual([
      "--bootstrap-server",
      "127.0.0.1:9092,127.0.0.1:9093",
      "--topic",
      "t",
      "--consumer.config",
      "/tmp/client.properties",
    ]);
    expect(completeToolArgs(findTool("kafka-topics")!, ["--list"], withConfig)).toContain("--command-config");
  });

  it("leave tools that do not talk to brokers alone", () => {
    expect(completeToolArgs(findTool("kafka-dump-log")!, ["--files", "x.log"], target)).toEqual(["--files", "x.log"]);
  });

  it("point zookeeper-shell at ZooKeeper as bin/zookeeper-shell.sh does", () => {
    const shell = findTool("zookeeper-shell")!;
    expect(completeToolArgs(shell, ["ls", "/brokers/ids"], target)).toEqual(["-server", "127.0.0.1:2181", "ls", "/brokers/ids"]);
    expect(completeToolArgs(shell, ["localhost:2181", "ls", "/"], target)).toEqual(["-server", "localhost:2181", "ls", "/"]);
  });
});
