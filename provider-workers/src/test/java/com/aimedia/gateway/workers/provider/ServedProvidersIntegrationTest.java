package com.aimedia.gateway.workers.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aimedia.gateway.testsupport.InMemoryMongo;
import com.aimedia.gateway.workers.ProviderWorkersApplication;
import com.mongodb.client.MongoDatabase;

/**
 * A worker started for a group of providers consumes only their topics and reports only
 * them as available.
 */
@SpringBootTest(classes = ProviderWorkersApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = { "spring.config.name=" + ProviderWorkersApplication.CONFIG_NAME,
                "gateway.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "gateway.kafka.partitions=1",
                "gateway.workers.providers=kling,luma",
                "gateway.workers.public.signing-secret=integration-test-url-signing-secret-0123456789" })
@EmbeddedKafka(partitions = 1)
class ServedProvidersIntegrationTest {

    private static final InMemoryMongo MONGO = InMemoryMongo.start();

    @Autowired
    private MongoDatabase database;

    @Value("${spring.embedded.kafka.brokers}")
    private String brokers;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("gateway.mongo.uri", MONGO::uri);
        registry.add("gateway.workers.outputs.directory", ServedProvidersIntegrationTest::outputs);
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @Test
    void should_report_only_the_served_providers_when_started_for_a_group() {
        List<String> reported = new ArrayList<>();
        database.getCollection("provider_status").find().forEach(status -> reported.add(status.getString("_id")));

        assertThat(reported).containsExactlyInAnyOrder("kling", "luma");
    }

    @Test
    void should_consume_only_the_served_providers_topics_when_started_for_a_group() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(workerGroups(admin)).containsExactlyInAnyOrder("workers-kling",
                        "workers-luma"));
            Set<String> topics = admin.listTopics().names().get();

            // the group's listeners join one after the other: its assignment settles
            // after
            // the rebalances they cause
            await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(admin.describeConsumerGroups(List.of("workers-kling"))
                    .all()
                    .get()
                    .get("workers-kling")
                    .members()).flatExtracting(member -> member.assignment().topicPartitions())
                    .extracting(partition -> partition.topic())
                    .containsExactlyInAnyOrder("tasks.submitted.kling", "tasks.poll.kling", "tasks.cancel"));
            assertThat(topics).contains("tasks.submitted.luma", "tasks.poll.luma.DLT")
                .noneMatch(topic -> topic.endsWith(".veo") || topic.contains(".veo."));
        }
    }

    @Test
    void should_fail_start_up_naming_the_setting_when_a_served_provider_is_unknown() {
        SpringApplicationBuilder worker = new SpringApplicationBuilder(ProviderWorkersApplication.class)
            .web(org.springframework.boot.WebApplicationType.NONE)
            .properties("spring.config.name=" + ProviderWorkersApplication.CONFIG_NAME,
                    "gateway.workers.providers=kling,klingg", "gateway.mongo.uri=" + MONGO.uri(),
                    "gateway.kafka.bootstrap-servers=" + brokers, "gateway.workers.outputs.directory=" + outputs(),
                    "gateway.workers.public.signing-secret=integration-test-url-signing-secret-0123456789");

        assertThatThrownBy(worker::run)
            .hasStackTraceContaining("gateway.workers.providers: unknown provider(s) [klingg]")
            .rootCause()
            .hasMessageStartingWith("unknown provider(s) [klingg]; this build has adapters for [")
            .satisfies(cause -> assertThat(cause.getMessage()).contains("kling, luma"));
    }

    private static List<String> workerGroups(Admin admin) throws Exception {
        return admin.listConsumerGroups()
            .all()
            .get()
            .stream()
            .map(ConsumerGroupListing::groupId)
            .filter(group -> group.startsWith("workers-"))
            .toList();
    }

    private static String outputs() {
        try {
            return Files.createTempDirectory("served-outputs").toString();
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
