package com.aimedia.gateway.example.taskevents;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TaskEventsExampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(TaskEventsExampleApplication.class, args);
    }

}
