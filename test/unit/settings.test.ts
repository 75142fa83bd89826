import { describe, expect, it } from "vitest";
import { externalSettingsFromEnv, javaClientProperties } from "../../checker/cluster/external/external-cluster.ts";
import { ExternalConfigError } from "../../checker/cluster/errors.ts";
import { brokerProperties, renderProperties, zookeeperProperties } from "../../checker/cluster/local/configs.ts";
import { parseJavaVersion } from "../../checker/cluster/local/java.ts";

describe("Java version parsing", () => {
  it("reads modern and 1.x version strings", () => {
    expect(parseJavaVersion('openjdk version "17.0.15" 2025-04-15')).toEqual({ version: "17.0.15", major: 17 });
    expect(parseJavaVersion('openjdk version "21" 2023-09-19')).toEqual({ version: "21", major: 21 });
    expect(parseJavaVersion('java version "1.8.0_401"')).toEqual({ version: "1.8.0_401", major: 8 });
    expect(parseJavaVersion("no version here")).toBeUndefined();
  });
});

describe("external cluster settings", () => {
  it("need bootstrap servers as host:port", () => {
    expect(() => externalSettingsFromEnv({})).toThrow(ExternalConfigError);
    expect(() => externalSettingsFromEnv({ KAFKA_BOOTSTRAP_SERVERS: "broker-without-port" })).toThrow(/not host:port/);
  });

  it("turn on SSL with SASL, as Confluent Cloud needs, and write the Java client's properties", () => {
    const settings = externalSettingsFromEnv({
      KAFKA_BOOTSTRAP_SERVERS: "pkc-1.europe-west1.gcp.confluent.cloud:9092",
      KAFKA_SASL_MECHANISM: "PLAIN",
      KAFKA_SASL_USERNAME: "KEY",
      KAFKA_SASL_PASSWORD: "SECRET",
    });
    expect(settings).toEqual({ bootstrapServers: ["pkc-1.europe-west1.gcp.confluent.cloud:9092"], ssl: true, sasl: { mechanism: "plain", username: "KEY", password: "SECRET" } });
    expect(javaClientProperties(settings)).toBe(
      'security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="KEY" password="SECRET";\n',
    );
  });

  it("reject an unknown SASL mechanism and missing credentials", () => {
    expect(() => externalSettingsFromEnv({ KAFKA_BOOTSTRAP_SERVERS: "a:1", KAFKA_SASL_MECHANISM: "gssapi" })).toThrow(/does not support/);
    expect(() => externalSettingsFromEnv({ KAFKA_BOOTSTRAP_SERVERS: "a:1", KAFKA_SASL_MECHANISM: "plain" })).toThrow(/USERNAME or KAFKA_SASL_PASSWORD is missing/);
  });
});

describe("server properties", () => {
  const nodes = [1, 2, 3].map((id) => ({ id, port: 9091 + id, controllerPort: 19092 + id, logDir: `/data/${id}` }));

  it("give ZooKeeper-mode brokers RF-3 internal topics and no initial rebalance delay", () => {
    const text = renderProperties(brokerProperties("zookeeper", nodes[0]!, { zookeeperPort: 2181, nodes }));
    for (const line of ["broker.id=1", "zookeeper.connect=127.0.0.1:2181", "listeners=PLAINTEXT://127.0.0.1:9092", "offsets.topic.replication.factor=3", "transaction.state.log.min.isr=2", "group.initial.rebalance.delay.ms=0"]) {
      expect(text).toContain(`${line}\n`);
    }
  });

  it("give KRaft nodes both roles and the three voters", () => {
    const properties = brokerProperties("kraft", nodes[1]!, { nodes });
    expect(properties["process.roles"]).toBe("broker,controller");
    expect(properties["controller.quorum.voters"]).toBe("1@127.0.0.1:19093,2@127.0.0.1:19094,3@127.0.0.1:19095");
    expect(properties["zookeeper.connect"]).toBeUndefined();
  });

  it("keep ZooKeeper on loopback without its admin server on port 8080", () => {
    expect(zookeeperProperties("/zk", 2181)).toMatchObject({ clientPortAddress: "127.0.0.1", "admin.enableServer": false });
  });
});
