package com.aimedia.gateway.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Time;
import kafka.tools.StorageTool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A broker that requires SASL authentication and authorizes with ACLs, as
 * docs/security.md asks of production: a client without credentials, or with a wrong
 * password, cannot produce a forged {@code TaskStatusChanged}, nor can a service whose
 * user has no WRITE on the topic; the gateway's own settings ({@link KafkaSecurity}) get
 * through.
 */
class KafkaAuthenticationTest {

    private static final String TOPIC = "task.status";

    private static final String ADMIN = "admin";

    private static final String ADMIN_PASSWORD = "admin-secret";

    @TempDir
    static Path directory;

    private static KafkaRaftServer broker;

    private static String bootstrap;

    @BeforeAll
    static void startBrokerRequiringSasl() throws Exception {
        int brokerPort = freePort();
        int controllerPort = freePort();
        bootstrap = "127.0.0.1:" + brokerPort;
        Properties properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        properties.put("listeners",
                "SASL_PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.put("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + brokerPort);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        properties.put("sasl.enabled.mechanisms", "PLAIN");
        properties.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        properties.put("listener.name.sasl_plaintext.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" "
                        + "password=\"admin-secret\" user_admin=\"admin-secret\" user_orchestrator=\"orchestrator-secret\" "
                        + "user_api=\"api-secret\";");
        properties.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        // the controller listener is reachable on loopback only in this test; in
        // production it is TLS as well
        properties.put("super.users", "User:admin;User:ANONYMOUS");
        properties.put("allow.everyone.if.no.acl.found", "false");
        properties.put("log.dirs", directory.resolve("logs").toString());
        for (String key : List.of("offsets.topic.replication.factor", "transaction.state.log.replication.factor",
                "transaction.state.log.min.isr", "share.coordinator.state.topic.replication.factor",
                "share.coordinator.state.topic.min.isr")) {
            properties.put(key, "1");
        }
        properties.put("offsets.topic.num.partitions", "1");
        properties.put("auto.create.topics.enable", "false");
        format(properties);
        broker = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        broker.startup();

        try (Admin admin = Admin.create(client(security(ADMIN, ADMIN_PASSWORD)))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            // per-service ACLs (docs/security.md): the orchestrator writes task.status,
            // the api-service does not
            admin
                .createAcls(List.of(allow("orchestrator", AclOperation.WRITE),
                        allow("orchestrator", AclOperation.DESCRIBE), allow("api", AclOperation.DESCRIBE)))
                .all()
                .get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.shutdown();
            broker.awaitShutdown();
        }
    }

    @Test
    void should_publish_with_the_services_own_credentials() throws Exception {
        try (KafkaProducer<String, String> producer = producer(security("orchestrator", "orchestrator-secret"))) {
            assertThat(producer.send(forged()).get(30, TimeUnit.SECONDS).topic()).isEqualTo(TOPIC);
        }
    }

    @Test
    void should_not_let_a_client_without_credentials_produce_a_forged_event() {
        Map<String, Object> config = client(KafkaSecurity.plaintext());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            // the broker speaks SASL only: an unauthenticated client never even gets the
            // topic's metadata
            assertThatThrownBy(() -> producer.send(forged()).get(30, TimeUnit.SECONDS)).satisfies(
                    e -> assertThat(rootOrSelf(e)).isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class)
                        .hasMessageContaining("not present in metadata"));
        }
    }

    @Test
    void should_not_let_a_client_with_a_wrong_password_produce() {
        try (KafkaProducer<String, String> producer = producer(security("orchestrator", "guessed"))) {
            assertThatThrownBy(() -> producer.send(forged()).get(30, TimeUnit.SECONDS))
                .isInstanceOfAny(SaslAuthenticationException.class, ExecutionException.class)
                .satisfies(e -> assertThat(rootOrSelf(e)).isInstanceOf(SaslAuthenticationException.class));
        }
    }

    @Test
    void should_not_let_a_service_without_write_acl_produce_task_status() {
        try (KafkaProducer<String, String> producer = producer(security("api", "api-secret"))) {
            assertThatThrownBy(() -> producer.send(forged()).get(30, TimeUnit.SECONDS))
                .satisfies(e -> assertThat(rootOrSelf(e)).isInstanceOf(TopicAuthorizationException.class));
        }
    }

    private static Throwable rootOrSelf(Throwable e) {
        return e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    }

    private static ProducerRecord<String, String> forged() {
        return new ProducerRecord<>(TOPIC, "task_victim", "{\"status\":\"completed\",\"outputs\":[\"https://evil\"]}");
    }

    private static KafkaSecurity security(String user, String password) {
        return new KafkaSecurity("SASL_PLAINTEXT", "PLAIN", user, password, null, null, "PKCS12", null, null, Map.of());
    }

    private static KafkaProducer<String, String> producer(KafkaSecurity security) {
        Map<String, Object> config = client(security);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static Map<String, Object> client(KafkaSecurity security) {
        Map<String, Object> config = new HashMap<>(security.clientProperties());
        config.put("bootstrap.servers", bootstrap);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        config.put(ProducerConfig.RETRIES_CONFIG, 0);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return config;
    }

    private static AclBinding allow(String user, AclOperation operation) {
        return new AclBinding(new ResourcePattern(ResourceType.TOPIC, TOPIC, PatternType.LITERAL),
                new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }

    private static void format(Properties properties) throws IOException {
        Path config = directory.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            properties.store(out, "SASL broker of KafkaAuthenticationTest");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = StorageTool.execute(
                new String[] { "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString() },
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException("cannot format: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

}
