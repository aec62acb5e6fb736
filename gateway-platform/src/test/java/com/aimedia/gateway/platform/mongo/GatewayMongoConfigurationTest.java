package com.aimedia.gateway.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class GatewayMongoConfigurationTest {

    @Test
    void should_wait_five_seconds_for_a_server_when_the_uri_does_not_say() {
        assertThat(GatewayMongoConfiguration.settings("mongodb://127.0.0.1:27017/?replicaSet=rs0")
            .getClusterSettings()
            .getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(5_000);
    }

    @Test
    void should_wait_as_long_as_the_uri_says_when_it_names_server_selection_timeout() {
        assertThat(GatewayMongoConfiguration.settings("mongodb://127.0.0.1:27017/?serverSelectionTimeoutMS=1500")
            .getClusterSettings()
            .getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(1_500);
    }

}
