package com.aimedia.gateway.workers.polling;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aimedia.gateway.workers.limits.ProviderCalls;
import com.aimedia.gateway.workers.outputs.OutputPublisher;
import com.aimedia.gateway.workers.provider.ProviderAdapterLookup;
import com.aimedia.gateway.workers.reporting.StatusReporter;

@Configuration(proxyBeanMethods = false)
class PollingConfiguration {

    @Bean
    PollService pollService(ProviderAdapterLookup adapters, StatusReporter reporter, ProviderCalls calls,
            OutputPublisher outputs) {
        return new PollService(adapters, reporter, calls, outputs);
    }

}
