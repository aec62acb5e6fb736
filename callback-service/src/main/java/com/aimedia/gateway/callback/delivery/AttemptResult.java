package com.aimedia.gateway.callback.delivery;

import org.jspecify.annotations.Nullable;

/** What one HTTP attempt produced, before any decision about retrying. */
sealed interface AttemptResult {

    /** A bounded metric tag: 2xx | 3xx | 4xx | 5xx | timeout | error. */
    String statusClass();

    /** The receiver answered (any status). */
    record Responded(int status, @Nullable String retryAfter, String responseBody) implements AttemptResult {

        boolean successful() {
            return status >= 200 && status < 300;
        }

        @Override
        public String statusClass() {
            return switch (status / 100) {
                case 2 -> "2xx";
                case 3 -> "3xx";
                case 4 -> "4xx";
                case 5 -> "5xx";
                default -> "error";
            };
        }
    }

    /** Connecting or answering took longer than the configured timeouts. */
    record TimedOut(String errorClass) implements AttemptResult {

        @Override
        public String statusClass() {
            return "timeout";
        }
    }

    /** No answer: refused connection, reset, TLS failure, unknown host. */
    record NoResponse(String errorClass, String message) implements AttemptResult {

        @Override
        public String statusClass() {
            return "error";
        }
    }

    /** The URL guard refused the URL; no connection was made. */
    record Refused(String reason) implements AttemptResult {

        @Override
        public String statusClass() {
            return "error";
        }
    }

}
