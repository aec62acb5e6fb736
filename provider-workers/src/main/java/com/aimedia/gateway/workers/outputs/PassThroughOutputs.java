package com.aimedia.gateway.workers.outputs;

import java.util.ArrayList;
import java.util.List;

import com.aimedia.gateway.workers.provider.spi.OutputHosts;
import com.aimedia.gateway.workers.provider.spi.ProviderOutput;

/**
 * Reports provider URLs as they are, for a gateway without an output store. Outputs that
 * need a credential or came inline cannot be handed to a client this way and fail
 * clearly.
 */
public final class PassThroughOutputs implements OutputPublisher {

    /** The default of {@code gateway.workers.outputs.max-outputs}. */
    static final int DEFAULT_MAX_OUTPUTS = 16;

    private final int maxOutputs;

    public PassThroughOutputs() {
        this(DEFAULT_MAX_OUTPUTS);
    }

    /**
     * @param maxOutputs the most outputs one task may report; more fail the task (every
     * URL travels in events)
     */
    public PassThroughOutputs(int maxOutputs) {
        this.maxOutputs = maxOutputs;
    }

    @Override
    public List<String> publish(String taskId, String provider, OutputHosts hosts, List<ProviderOutput> outputs) {
        if (outputs.size() > maxOutputs) {
            throw new OutputRejectedException("The provider returned " + outputs.size()
                    + " results; the gateway keeps at most " + maxOutputs + " per task.");
        }
        List<String> urls = new ArrayList<>(outputs.size());
        for (ProviderOutput output : outputs) {
            switch (output) {
                case ProviderOutput.Remote remote when remote.headers().isEmpty() -> urls.add(remote.uri().toString());
                case ProviderOutput.Remote remote -> throw new OutputUnavailableException(
                        "The result needs the provider's credentials to download and the gateway has no output store "
                                + "configured (gateway.storage).");
                case ProviderOutput.Inline inline -> throw new OutputUnavailableException(
                        "The provider returned the result inline and the gateway has no output store configured "
                                + "(gateway.storage).");
            }
        }
        return urls;
    }

}
