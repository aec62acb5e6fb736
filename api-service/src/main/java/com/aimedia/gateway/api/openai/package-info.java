/**
 * An OpenAI-compatible video API over the gateway's tasks ({@code /v1/videos}), so
 * OpenAI's official SDKs can submit, poll, list and download: a video is a task, its id
 * the task id, its model any gateway video model.
 */
@NullMarked
package com.aimedia.gateway.api.openai;

import org.jspecify.annotations.NullMarked;
