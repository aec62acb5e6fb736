package com.aimedia.gateway.workers.provider.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProviderRegistryTest {

    private static ProviderAdapter adapter(String id) {
        return new FakeAdapter(id);
    }

    @Test
    void should_index_adapters_by_id_when_ids_are_distinct() {
        ProviderRegistry registry = new ProviderRegistry(List.of(adapter("kling"), adapter("luma")));

        assertThat(registry.find(ProviderId.of("luma"))).isPresent();
        assertThat(registry.find(ProviderId.of("veo"))).isEmpty();
        assertThat(registry.all()).hasSize(2);
    }

    @Test
    void should_fail_at_start_up_when_two_adapters_share_an_id() {
        assertThatThrownBy(() -> new ProviderRegistry(List.of(adapter("kling"), adapter("kling"))))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("'kling'");
    }

    @Test
    void should_refuse_an_id_that_is_not_a_topic_suffix() {
        assertThatThrownBy(() -> ProviderId.of("Kling AI")).isInstanceOf(IllegalArgumentException.class);
    }
}
