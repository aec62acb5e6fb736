package com.aimedia.gateway.workers.provider.bfl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BflPollingUrlsTest {

    private final BflPollingUrls https = new BflPollingUrls(URI.create("https://api.bfl.ai/v1"), List.of("*.bfl.ai"));

    private final BflPollingUrls local = new BflPollingUrls(URI.create("http://127.0.0.1:8080/v1"),
            List.of("127.0.0.1:9090"));

    @ParameterizedTest
    @CsvSource({ "https://api.bfl.ai/v1/get_result?id=1, true", "https://api.eu1.bfl.ai/v1/get_result?id=1, true",
            "https://api.us.bfl.ai:443/v1/get_result?id=1, true", "http://api.eu1.bfl.ai/v1/get_result?id=1, false",
            "https://bfl.ai.evil.example/v1/get_result?id=1, false", "https://evilbfl.ai/v1/get_result?id=1, false",
            "https://user@api.bfl.ai/v1/get_result?id=1, false", "https://example.com/v1/get_result?id=1, false" })
    void should_trust_only_bfl_hosts_over_https_when_base_is_https(String url, boolean trusted) {
        assertThat(https.trusted(URI.create(url))).isEqualTo(trusted);
    }

    @ParameterizedTest
    @CsvSource({ "http://127.0.0.1:8080/v1/get_result?id=1, true", "http://127.0.0.1:9090/v1/get_result?id=1, true",
            "http://127.0.0.1:9091/v1/get_result?id=1, false", "http://localhost:9090/v1/get_result?id=1, false" })
    void should_match_host_and_port_when_pattern_names_a_port(String url, boolean trusted) {
        assertThat(local.trusted(URI.create(url))).isEqualTo(trusted);
    }

}
