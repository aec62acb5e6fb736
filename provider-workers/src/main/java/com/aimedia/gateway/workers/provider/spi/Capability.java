package com.aimedia.gateway.workers.provider.spi;

/** What an adapter can do; the contract kit skips cases an adapter does not claim. */
public enum Capability {
    TEXT_TO_VIDEO,
    IMAGE_TO_VIDEO,
    /** The provider can push a callback when a task changes. */
    CALLBACKS,
    /** The provider may finish a task in the submit call itself. */
    SYNC_RESULT,
    /** The provider can look a task up by the gateway's task id, so an unknown submit outcome can be resolved. */
    LOOKUP_BY_CALLER_ID,
    /** The provider has a call that stops a running task ({@link ProviderAdapter#cancel}). */
    CANCEL
}
