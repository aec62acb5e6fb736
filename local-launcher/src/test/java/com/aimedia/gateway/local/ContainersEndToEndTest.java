package com.aimedia.gateway.local;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The same end-to-end path against the real Kafka and MongoDB images (MongoDB as a
 * replica set). Skipped where there is no Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainersEndToEndTest extends EndToEndScenario {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @Override
    protected LocalGatewayOptions options() {
        return LocalGatewayOptions.forTests()
            .withExternal(KAFKA.getBootstrapServers(), MONGO.getReplicaSetUrl("gateway"));
    }

}
