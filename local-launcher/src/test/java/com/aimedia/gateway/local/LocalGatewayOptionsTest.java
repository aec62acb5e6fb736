package com.aimedia.gateway.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LocalGatewayOptionsTest {

    private static final LocalGateway.Infrastructure INFRASTRUCTURE = new LocalGateway.Infrastructure("127.0.0.1:9092",
            "mongodb://127.0.0.1:27017/gateway", "task-id-secret", "url-signing-secret", Path.of("outputs"),
            "admin-token");

    @Test
    void should_default_to_port_8080_and_files_on_the_next_port_when_nothing_is_set() {
        LocalGatewayOptions options = LocalGatewayOptions.fromEnvironment(Map.of());

        assertThat(options.apiPort()).isEqualTo(8080);
        assertThat(options.filesPort()).isEqualTo(8081);
        assertThat(options.devApiKey()).isNull();
        assertThat(String.valueOf(options.dataDirectory().getFileName())).isEqualTo(".gateway-data");
    }

    @Test
    void should_take_port_and_key_from_the_environment_when_set() {
        LocalGatewayOptions options = LocalGatewayOptions
            .fromEnvironment(Map.of("GATEWAY_PORT", "9000", "GATEWAY_DEV_API_KEY", " sk_dev_fixed "));

        assertThat(options.apiPort()).isEqualTo(9000);
        assertThat(options.filesPort()).isEqualTo(9001);
        assertThat(options.devApiKey()).isEqualTo("sk_dev_fixed");
    }

    @Test
    void should_name_the_variable_when_a_port_is_not_a_number() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> LocalGatewayOptions.fromEnvironment(Map.of("GATEWAY_PORT", "eighty")))
            .withMessageContaining("GATEWAY_PORT")
            .withMessageContaining("eighty");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> LocalGatewayOptions.fromEnvironment(Map.of("GATEWAY_FILES_PORT", "70000")))
            .withMessageContaining("GATEWAY_FILES_PORT");
    }

    @Test
    void should_hand_added_worker_settings_to_provider_workers_only() {
        LocalGatewayOptions options = new LocalGatewayOptions(0, 0, null, null, Duration.ofMillis(300), Duration.ZERO,
                Duration.ZERO, null, null, null, Map.of("gateway.workers.limits.default.requests-per-second", "1000",
                        "gateway.workers.limits.default.max-concurrent", "32"));
        Services.Ports ports = new Services.Ports(8080, 8081, 8082, 0);

        assertThat(Services.arguments(Services.Service.WORKERS, options, INFRASTRUCTURE, List.of(), "sk_dev", ports))
            .contains("--gateway.workers.limits.default.requests-per-second=1000",
                    "--gateway.workers.limits.default.max-concurrent=32");
        assertThat(Services.arguments(Services.Service.API, options, INFRASTRUCTURE, List.of(), "sk_dev", ports))
            .noneMatch(argument -> argument.startsWith("--gateway.workers.limits"));
    }

    @Test
    void should_let_an_added_worker_setting_replace_the_launchers_own() {
        LocalGatewayOptions options = new LocalGatewayOptions(0, 0, null, null, Duration.ofMillis(300), Duration.ZERO,
                Duration.ZERO, null, null, null,
                Map.of("gateway.workers.public.base-url", "https://callbacks.example.com"));

        List<String> arguments = Services.arguments(Services.Service.WORKERS, options, INFRASTRUCTURE, List.of(),
                "sk_dev", new Services.Ports(8080, 8081, 8082, 0));

        assertThat(arguments).filteredOn(argument -> argument.startsWith("--gateway.workers.public.base-url="))
            .containsExactly("--gateway.workers.public.base-url=https://callbacks.example.com");
    }

}
