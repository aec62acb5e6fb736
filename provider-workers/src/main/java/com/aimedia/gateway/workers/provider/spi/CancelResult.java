package com.aimedia.gateway.workers.provider.spi;

/** What a provider answered to {@link ProviderAdapter#cancel}. */
public enum CancelResult {

    /** The provider stopped the task, or had stopped it already (a repeated cancel). */
    CANCELLED,

    /**
     * The provider no longer runs the task (it ended before the cancel, or the provider
     * forgot it): nothing to stop.
     */
    NOT_RUNNING,

    /**
     * The provider has no cancel call: the gateway only stops polling and drops the
     * result.
     */
    UNSUPPORTED

}
