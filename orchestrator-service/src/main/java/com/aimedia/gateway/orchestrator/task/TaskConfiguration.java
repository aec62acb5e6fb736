package com.aimedia.gateway.orchestrator.task;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TaskConfiguration {

    @Bean
    TaskStateMachine taskStateMachine(PollingPolicy pollingPolicy) {
        return new TaskStateMachine(pollingPolicy);
    }

}
