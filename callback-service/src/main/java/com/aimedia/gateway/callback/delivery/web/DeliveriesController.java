package com.aimedia.gateway.callback.delivery.web;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.aimedia.gateway.callback.auth.Tenant;
import com.aimedia.gateway.callback.delivery.DeliveryLog.Redelivery;
import com.aimedia.gateway.callback.delivery.DeliveryLog;
import com.aimedia.gateway.callback.web.ProblemCode;
import com.aimedia.gateway.web.problems.ApiProblemException;

/**
 * The delivery log of a task, for its tenant: every attempt, a redelivery of the latest
 * state, and a recovery of everything not delivered since a time. Another tenant's task
 * is 404, like a missing one.
 */
@RestController
class DeliveriesController {

    private static final int MAX_TASK_ID_LENGTH = 128;

    private final DeliveryLog deliveryLog;

    DeliveriesController(DeliveryLog deliveryLog) {
        this.deliveryLog = deliveryLog;
    }

    @GetMapping(path = "/v1/task/{taskId}/deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
    DeliveryJson.TaskDeliveries list(Tenant tenant, @PathVariable String taskId) {
        return deliveryLog.list(tenant.id(), checked(taskId))
            .map(deliveries -> new DeliveryJson.TaskDeliveries(taskId,
                    deliveries.stream().map(DeliveryJson::of).toList()))
            .orElseThrow(DeliveriesController::taskNotFound);
    }

    @PostMapping(path = "/v1/task/{taskId}/deliveries/redeliver", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DeliveryJson.RedeliveryAccepted> redeliver(Tenant tenant, @PathVariable String taskId) {
        Redelivery result = deliveryLog.redeliver(tenant.id(), checked(taskId));
        return switch (result) {
            case Redelivery.Requested requested -> ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new DeliveryJson.RedeliveryAccepted(taskId, DeliveryJson.of(requested.delivery())));
            case Redelivery.InProgress inProgress -> throw new ApiProblemException(ProblemCode.DELIVERY_IN_PROGRESS,
                    "The latest state of this task is still being delivered (state "
                            + inProgress.delivery().state().value() + "); redeliver once it has ended.");
            case Redelivery.NotFound notFound -> throw taskNotFound();
        };
    }

    @PostMapping(path = "/v1/webhooks/recover", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DeliveryJson.RecoveryAccepted> recover(Tenant tenant,
            @RequestParam(required = false) @Nullable String since) {
        Instant from = parseSince(since);
        int count = deliveryLog.recover(tenant.id(), from);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
            .body(new DeliveryJson.RecoveryAccepted(from.getEpochSecond(), count, DeliveryLog.MAX_RECOVER));
    }

    private static Instant parseSince(@Nullable String since) {
        if (since == null || !since.matches("[0-9]{1,12}")) {
            throw ApiProblemException.field(ProblemCode.INVALID_REQUEST, "since",
                    "is required: a unix time in seconds");
        }
        return Instant.ofEpochSecond(Long.parseLong(since));
    }

    private static String checked(String taskId) {
        if (taskId.isEmpty() || taskId.length() > MAX_TASK_ID_LENGTH) {
            throw taskNotFound();
        }
        return taskId;
    }

    private static ApiProblemException taskNotFound() {
        return new ApiProblemException(ProblemCode.TASK_NOT_FOUND, "No task with this id.");
    }

}
