/** The tenant-facing signing secret API: fetch and rotate. */
@NullMarked
package com.aimedia.gateway.callback.signing.web;

import org.jspecify.annotations.NullMarked;
