package com.aimedia.gateway.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The same end-to-end path against the real Kafka and MongoDB images (MongoDB as a replica set). Skipped where
 * there is no Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainersEndToEndTest extends EndToEndScenario {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    private static RunningGateway gateway;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = LocalGateway.start(LocalGatewayOptions.forTests()
            .withExternal(KAFKA.getBootstrapServers(), MONGO.getReplicaSetUrl("gateway")));
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Override
    protected RunningGateway gateway() {
        return gateway;
    }
}
