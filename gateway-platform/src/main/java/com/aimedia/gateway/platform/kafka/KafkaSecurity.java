package com.aimedia.gateway.platform.kafka;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service authenticates to Kafka and encrypts the connection: the standard Kafka
 * client security settings, applied to every client the service creates (producers,
 * consumers, the dead-letter producer, the admin and health clients). Passwords come only
 * from the environment ({@code GATEWAY_KAFKA_SECURITY_PASSWORD}, ...).
 *
 * @param protocol {@code PLAINTEXT} (local only), {@code SSL}, {@code SASL_PLAINTEXT} or
 * {@code SASL_SSL}
 * @param saslMechanism {@code SCRAM-SHA-512} (default), {@code SCRAM-SHA-256} or
 * {@code PLAIN}
 * @param username the service's own Kafka user (each service has one, with its own ACLs:
 * docs/security.md)
 * @param password its password
 * @param truststoreLocation the trust store with the broker's CA (TLS); unset = the JVM's
 * default trust
 * @param truststorePassword its password
 * @param truststoreType {@code PKCS12} or {@code JKS} (or {@code PEM})
 * @param keystoreLocation a key store with this service's client certificate, for mutual
 * TLS
 * @param keystorePassword its password
 * @param properties any other Kafka client property, passed as is (e.g.
 * {@code ssl.endpoint.identification.algorithm})
 */
public record KafkaSecurity(@DefaultValue("PLAINTEXT") @NotBlank String protocol,
        @DefaultValue("SCRAM-SHA-512") @NotBlank String saslMechanism, @Nullable String username,
        @Nullable String password, @Nullable String truststoreLocation, @Nullable String truststorePassword,
        @DefaultValue("PKCS12") @NotBlank String truststoreType, @Nullable String keystoreLocation,
        @Nullable String keystorePassword, @DefaultValue @NotNull Map<String, String> properties) {

    private static final java.util.Set<String> PROTOCOLS = java.util.Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT",
            "SASL_SSL");

    private static final java.util.Set<String> MECHANISMS = java.util.Set.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");

    public KafkaSecurity {
        protocol = protocol.strip().toUpperCase(Locale.ROOT);
        saslMechanism = saslMechanism.strip().toUpperCase(Locale.ROOT);
        if (!PROTOCOLS.contains(protocol)) {
            throw new IllegalArgumentException("gateway.kafka.security.protocol must be one of " + PROTOCOLS);
        }
        if (protocol.startsWith("SASL_")) {
            if (!MECHANISMS.contains(saslMechanism)) {
                throw new IllegalArgumentException(
                        "gateway.kafka.security.sasl-mechanism must be one of " + MECHANISMS);
            }
            if (blank(username) || blank(password)) {
                throw new IllegalArgumentException(
                        "gateway.kafka.security.username and .password must be set with " + "protocol " + protocol);
            }
        }
    }

    /** No security: a local broker. */
    public static KafkaSecurity plaintext() {
        return new KafkaSecurity("PLAINTEXT", "SCRAM-SHA-512", null, null, null, null, "PKCS12", null, null, Map.of());
    }

    /**
     * The client properties these settings mean, to add to every Kafka client's
     * configuration.
     */
    public Map<String, Object> clientProperties() {
        Map<String, Object> config = new HashMap<>();
        config.put("security.protocol", protocol);
        if (protocol.startsWith("SASL_")) {
            config.put("sasl.mechanism", saslMechanism);
            String module = saslMechanism.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
            config.put("sasl.jaas.config",
                    module + " required username=\"" + quoted(username) + "\" password=\"" + quoted(password) + "\";");
        }
        if (protocol.endsWith("SSL")) {
            putIfSet(config, "ssl.truststore.location", truststoreLocation);
            putIfSet(config, "ssl.truststore.password", truststorePassword);
            if (truststoreLocation != null) {
                config.put("ssl.truststore.type", truststoreType);
            }
            putIfSet(config, "ssl.keystore.location", keystoreLocation);
            putIfSet(config, "ssl.keystore.password", keystorePassword);
        }
        config.putAll(properties);
        return config;
    }

    private static void putIfSet(Map<String, Object> config, String key, @Nullable String value) {
        if (!blank(value)) {
            config.put(key, value);
        }
    }

    private static String quoted(@Nullable String value) {
        return String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    /** Never prints a password. */
    @Override
    public String toString() {
        return "KafkaSecurity[protocol=" + protocol + ", saslMechanism=" + saslMechanism + ", username=" + username
                + ", password=" + (blank(password) ? "unset" : "***") + ", truststoreLocation=" + truststoreLocation
                + ", keystoreLocation=" + keystoreLocation + ", properties=" + properties.keySet() + "]";
    }
}
