package com.aimedia.gateway.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.bson.Document;
import org.junit.jupiter.api.Test;

class TestSupportTest {

    @Test
    void the_clock_moves_only_when_told() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        clock.advance(Duration.ofSeconds(90));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:01:30Z"));
        assertThat(clock.withZone(ZoneId.of("Europe/Paris")).instant()).isEqualTo(clock.instant());
    }

    @Test
    void the_in_memory_mongo_serves_the_real_driver_until_closed() {
        String uri;
        try (InMemoryMongo mongo = InMemoryMongo.start()) {
            uri = mongo.uri();
            mongo.database().getCollection("tasks").insertOne(new Document("_id", "t1").append("status", "queued"));

            assertThat(uri).startsWith("mongodb://127.0.0.1:");
            assertThat(mongo.database().getCollection("tasks").find().first()).containsEntry("status", "queued");
            assertThat(mongo.client()).isSameAs(mongo.client());
        }
        try (InMemoryMongo other = InMemoryMongo.start()) {
            assertThat(other.uri()).isNotEqualTo(uri);
            assertThat(other.database().getCollection("tasks").countDocuments()).isZero();
        }
    }

}
