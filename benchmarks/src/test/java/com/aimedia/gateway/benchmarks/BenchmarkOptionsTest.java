package com.aimedia.gateway.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    @Test
    void should_run_every_implemented_measurement_for_a_few_seconds_each_when_given_no_options() {
        BenchmarkOptions options = BenchmarkOptions.parse();

        assertThat(options.only()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(options.inFlight()).isEqualTo(100_000);
        assertThat(options.webhooks()).isEqualTo(1000);
        assertThat(options.loadDuration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.concurrencies()).containsExactly(16, 64);
        assertThat(options.jfr()).isFalse();
        assertThat(options.output()).isEqualTo(Path.of("target", "benchmarks", "result.json"));
    }

    @Test
    void should_take_each_option_when_given_on_the_command_line() {
        BenchmarkOptions options = BenchmarkOptions.parse("--only=3,7", "--duration=3s", "--concurrency=8,32,128",
                "--events=2000", "--burst=20", "--webhooks=300", "--crash-tasks=50", "--in-flight=2000", "--jfr",
                "--out=/tmp/b.json");

        assertThat(options.only()).containsExactly(3, 7);
        assertThat(options.runs(3)).isTrue();
        assertThat(options.runs(1)).isFalse();
        assertThat(options.loadDuration()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.concurrencies()).isEqualTo(List.of(8, 32, 128));
        assertThat(options.ingestEvents()).isEqualTo(2000);
        assertThat(options.burst()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.webhooks()).isEqualTo(300);
        assertThat(options.crashTasks()).isEqualTo(50);
        assertThat(options.inFlight()).isEqualTo(2000);
        assertThat(options.jfr()).isTrue();
        assertThat(options.output()).isEqualTo(Path.of("/tmp/b.json"));
    }

    @Test
    void should_name_the_option_when_a_value_is_bad() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--concurrency=8,x")).hasMessageContaining("--concurrency");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--duration=0s")).hasMessageContaining("--duration");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--in-flight=0")).hasMessageContaining("--in-flight");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--fast")).hasMessageContaining("unknown option --fast");
    }

}
