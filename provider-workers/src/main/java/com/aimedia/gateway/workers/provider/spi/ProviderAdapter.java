package com.aimedia.gateway.workers.provider.spi;

import java.util.Optional;

/**
 * One provider behind one small interface. Implementations speak the provider's real HTTP
 * API and throw only {@link RetryableException} or {@link PermanentException} for
 * provider trouble; their messages are for users and never carry a credential.
 * <p>
 * What an adapter can do beyond submit and poll shows in what it overrides
 * ({@link #recover}, {@link #verifyCallback}, {@link #callbackHandshake}) and in what it
 * answers ({@link Submission#isCompleted()} for a synchronous result); which models it
 * runs, and with which inputs, is the model catalog's to say. There is no separate
 * capability list to fall out of date.
 */
public interface ProviderAdapter {

    ProviderId id();

    /**
     * Whether this gateway has the provider's credentials. An unconfigured provider is
     * reported as unavailable, so the API refuses its models at submit with a clear error
     * instead of accepting tasks that cannot run.
     */
    boolean isConfigured();

    /**
     * Asks the provider to run the task; the provider sees the gateway task id where it
     * accepts a caller id.
     */
    Submission submit(GenerationRequest request);

    PollResult poll(ProviderTaskRef ref);

    /**
     * Asks the provider to stop a task its owner cancelled, where the provider has a
     * cancel call (Replicate, Runway, Luma, ...). The gateway ends the task
     * {@code failed} with {@code cancelled} whatever this answers; this only stops the
     * provider's work (and its bill). May be called more than once for the same task (a
     * cancel request is processed at least once), so a repeated cancel, or a cancel of a
     * task that already ended or that the provider forgot, returns normally
     * ({@link CancelResult#NOT_RUNNING}) and never deletes a finished result. Throws
     * {@link RetryableException} when the provider could not be asked (the call is
     * retried) and {@link PermanentException} when it refused. The default: the provider
     * has no cancel call.
     */
    default CancelResult cancel(ProviderTaskRef ref) {
        return CancelResult.UNSUPPORTED;
    }

    /**
     * True where {@link #cancel} is a real call to the provider (an adapter that
     * overrides it says so here).
     */
    default boolean canCancel() {
        return false;
    }

    /**
     * Looks up a task whose submit outcome is unknown (a crash or a timeout after sending
     * it). Returns the provider's task when it exists, or empty when the provider
     * provably has no such task (so submitting again is safe). Adapters whose provider
     * cannot look a task up by the gateway's id keep this default, which fails the task
     * with {@code submission_uncertain} rather than risk running it twice.
     */
    default Optional<Submission> recover(GenerationRequest request) {
        throw new SubmissionUncertain("The provider cannot tell whether it received the task; it was not sent again "
                + "to avoid running it twice.");
    }

    /**
     * Checks a provider callback before it triggers an immediate poll (the poll result is
     * the truth, never the callback body). Adapters whose provider signs callbacks verify
     * that signature here and throw {@link AuthenticationFailed} when it does not verify;
     * the default accepts, since the gateway URL the provider called is already signed by
     * the gateway.
     */
    default void verifyCallback(ProviderCallback callback) {
    }

    /**
     * The answer a provider expects to a handshake callback that carries no news about
     * the task (MiniMax first POSTs a challenge it wants echoed); such a callback
     * triggers no poll. Empty for an ordinary callback.
     */
    default Optional<String> callbackHandshake(ProviderCallback callback) {
        return Optional.empty();
    }

    /**
     * The hosts this provider's result URLs may name. Adapters whose provider documents
     * where results live return those hosts (plus their configured base URL's origin);
     * the default admits any host the SSRF guard admits.
     */
    default OutputHosts outputHosts() {
        return OutputHosts.any();
    }

}
