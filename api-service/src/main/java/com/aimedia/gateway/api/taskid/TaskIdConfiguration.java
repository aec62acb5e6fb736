package com.aimedia.gateway.api.taskid;

import java.security.SecureRandom;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TaskIdConfiguration {

    @Bean
    TaskIdCodec taskIdCodec(TaskIdProperties properties, Clock clock) {
        return new TaskIdCodec(properties, clock, new SecureRandom());
    }

}
