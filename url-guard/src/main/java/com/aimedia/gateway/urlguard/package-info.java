/**
 * SSRF guard for user-supplied callback URLs (docs/webhooks.md, "SSRF rules"): only
 * http(s), no odd host encodings, resolve once, check every address, and hand the checked
 * addresses back so the caller connects only to them.
 */
@NullMarked
package com.aimedia.gateway.urlguard;

import org.jspecify.annotations.NullMarked;
