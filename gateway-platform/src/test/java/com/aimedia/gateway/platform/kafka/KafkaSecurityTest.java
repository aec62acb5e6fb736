package com.aimedia.gateway.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class KafkaSecurityTest {

    private static GatewayKafkaProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("gateway.kafka",
                GatewayKafkaProperties.class);
    }

    @Test
    void should_be_plaintext_without_settings() {
        assertThat(bind(Map.of()).security().clientProperties())
            .containsExactly(Map.entry("security.protocol", "PLAINTEXT"));
    }

    @Test
    void should_turn_sasl_ssl_settings_into_the_kafka_client_properties() {
        KafkaSecurity security = bind(Map.of("gateway.kafka.security.protocol", "sasl_ssl",
                "gateway.kafka.security.username", "orchestrator-service", "gateway.kafka.security.password", "pa\"ss",
                "gateway.kafka.security.truststore-location", "/etc/kafka/truststore.p12",
                "gateway.kafka.security.truststore-password", "changeit",
                "gateway.kafka.security.properties.ssl.endpoint.identification.algorithm", "https"))
            .security();

        assertThat(security.clientProperties()).containsEntry("security.protocol", "SASL_SSL")
            .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
            .containsEntry("sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required "
                            + "username=\"orchestrator-service\" password=\"pa\\\"ss\";")
            .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
            .containsEntry("ssl.truststore.type", "PKCS12")
            .containsEntry("ssl.endpoint.identification.algorithm", "https");
        assertThat(security.toString()).doesNotContain("pa\"ss").doesNotContain("changeit");
    }

    @Test
    void should_refuse_sasl_without_credentials_or_an_unknown_protocol() {
        assertThatThrownBy(() -> bind(Map.of("gateway.kafka.security.protocol", "SASL_SSL")))
            .hasRootCauseMessage("gateway.kafka.security.username and .password must be set with protocol SASL_SSL");
        assertThatThrownBy(() -> bind(Map.of("gateway.kafka.security.protocol", "TLS"))).rootCause()
            .hasMessageStartingWith("gateway.kafka.security.protocol must be one of");
    }

}
