package com.aimedia.gateway.api.task;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.node.ObjectNode;

import com.aimedia.gateway.api.catalog.CatalogModel;
import com.aimedia.gateway.urlguard.CheckedUrl;

/**
 * A submit request that passed validation.
 *
 * @param metadata the client's metadata, sorted by key; empty when it sent none
 * @param webhookEvents the task's webhook filter; null for every status change
 */
record SubmitRequest(CatalogModel model, ObjectNode input, @Nullable CheckedUrl callbackUrl,
        java.util.SortedMap<String, String> metadata, java.util.@Nullable List<String> webhookEvents) {
}
