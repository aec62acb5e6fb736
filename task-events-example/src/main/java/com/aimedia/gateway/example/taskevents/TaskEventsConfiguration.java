package com.aimedia.gateway.example.taskevents;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aimedia.gateway.schemas.v1.TaskStatusChanged;

/**
 * The functional binding {@code taskStatusChanged-in-0} (see application.yml): Spring
 * Cloud Stream calls the consumer once per record of {@code tasks.changed}; an exception
 * retries the record, then sends it to the DLQ.
 */
@Configuration(proxyBeanMethods = false)
class TaskEventsConfiguration {

    @Bean
    TaskStatusBoard taskStatusBoard() {
        return new TaskStatusBoard();
    }

    /**
     * Picked up by Spring Cloud Stream for the binding's content type
     * {@code application/avro}.
     */
    @Bean
    TaskStatusChangedConverter taskStatusChangedConverter() {
        return new TaskStatusChangedConverter();
    }

    @Bean
    Consumer<TaskStatusChanged> taskStatusChanged(TaskStatusBoard board) {
        return new TaskStatusHandler(board)::on;
    }

}
