package com.aimedia.gateway.workers.outputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.aimedia.gateway.workers.provider.spi.OutputHosts;
import com.aimedia.gateway.workers.provider.spi.ProviderOutput;

class PassThroughOutputsTest {

    @Test
    void should_pass_provider_urls_through_up_to_the_cap() {
        List<ProviderOutput> two = List.of(ProviderOutput.url(URI.create("https://cdn.example.com/a.mp4")),
                ProviderOutput.url(URI.create("https://cdn.example.com/b.mp4")));

        assertThat(new PassThroughOutputs(2).publish("task_1", "luma", OutputHosts.any(), two))
            .containsExactly("https://cdn.example.com/a.mp4", "https://cdn.example.com/b.mp4");
    }

    @Test
    void should_refuse_more_outputs_than_a_task_may_have() {
        List<ProviderOutput> many = IntStream.range(0, 10_000)
            .mapToObj(i -> ProviderOutput.url(URI.create("https://cdn.example.com/" + i + ".png")))
            .toList();

        assertThatThrownBy(() -> new PassThroughOutputs().publish("task_1", "luma", OutputHosts.any(), many))
            .isInstanceOf(OutputRejectedException.class)
            .hasMessageContaining("at most 16");
    }

}
