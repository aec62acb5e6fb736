package com.aimedia.gateway.workers.provider.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

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
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("'kling'");
    }

    @Test
    void should_keep_only_the_selected_providers_when_a_selection_is_given() {
        ProviderRegistry registry = new ProviderRegistry(List.of(adapter("kling"), adapter("luma"), adapter("veo")));

        ProviderRegistry served = registry.servingOnly(Set.of(ProviderId.of("veo"), ProviderId.of("kling")));

        assertThat(served.all()).extracting(ProviderAdapter::id)
            .containsExactly(ProviderId.of("kling"), ProviderId.of("veo"));
        assertThat(served.find(ProviderId.of("luma"))).isEmpty();
    }

    @Test
    void should_keep_every_provider_when_the_selection_is_empty() {
        ProviderRegistry registry = new ProviderRegistry(List.of(adapter("kling"), adapter("luma")));

        assertThat(registry.servingOnly(Set.of()).all()).hasSize(2);
    }

    @Test
    void should_name_the_unknown_and_the_known_providers_when_a_selection_names_no_adapter() {
        ProviderRegistry registry = new ProviderRegistry(List.of(adapter("kling"), adapter("luma")));

        assertThatThrownBy(() -> registry.servingOnly(Set.of(ProviderId.of("kling"), ProviderId.of("klingg"))))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("unknown provider(s) [klingg]; this build has adapters for [kling, luma]");
    }

    @Test
    void should_refuse_an_id_that_is_not_a_topic_suffix() {
        assertThatThrownBy(() -> ProviderId.of("Kling AI")).isInstanceOf(IllegalArgumentException.class);
    }

}
