package com.aimedia.gateway.api.task;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.node.ObjectNode;

import com.aimedia.gateway.api.catalog.CatalogModel;
import com.aimedia.gateway.urlguard.CheckedUrl;

/** A submit request that passed validation. */
record SubmitRequest(CatalogModel model, ObjectNode input, @Nullable CheckedUrl callbackUrl) {
}
