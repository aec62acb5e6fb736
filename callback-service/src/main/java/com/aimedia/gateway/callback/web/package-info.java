/**
 * One error shape: RFC 9457 problem details with a stable code, as the api-service
 * answers.
 */
@NullMarked
package com.aimedia.gateway.callback.web;

import org.jspecify.annotations.NullMarked;
