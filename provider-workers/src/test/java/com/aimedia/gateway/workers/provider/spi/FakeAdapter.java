package com.aimedia.gateway.workers.provider.spi;

import java.util.function.Supplier;

/**
 * A hand-written adapter for tests: configured, polls answered by the test, submits
 * refused.
 */
public class FakeAdapter implements ProviderAdapter {

    private final ProviderId id;

    private final Supplier<PollResult> polls;

    public FakeAdapter(String id) {
        this(id, () -> {
            throw new UnsupportedOperationException("not polled here");
        });
    }

    public FakeAdapter(String id, Supplier<PollResult> polls) {
        this.id = ProviderId.of(id);
        this.polls = polls;
    }

    @Override
    public ProviderId id() {
        return id;
    }

    @Override
    public boolean isConfigured() {
        return true;
    }

    @Override
    public Submission submit(GenerationRequest request) {
        throw new UnsupportedOperationException("not submitted here");
    }

    @Override
    public PollResult poll(ProviderTaskRef ref) {
        return polls.get();
    }

}
