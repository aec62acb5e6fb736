package com.aimedia.gateway.workers.outputs;

import java.util.ArrayList;
import java.util.List;

import com.aimedia.gateway.workers.provider.spi.OutputHosts;
import com.aimedia.gateway.workers.provider.spi.ProviderOutput;

/**
 * Reports provider URLs as they are, for a gateway without an output store. Outputs that need a credential or came
 * inline cannot be handed to a client this way and fail clearly.
 */
public final class PassThroughOutputs implements OutputPublisher {

    @Override
    public List<String> publish(String taskId, OutputHosts hosts, List<ProviderOutput> outputs) {
        List<String> urls = new ArrayList<>(outputs.size());
        for (ProviderOutput output : outputs) {
            switch (output) {
                case ProviderOutput.Remote remote when remote.headers().isEmpty() -> urls.add(remote.uri().toString());
                case ProviderOutput.Remote remote -> throw new OutputUnavailableException(
                        "The result needs the provider's credentials to download and the gateway has no output store "
                                + "configured (gateway.workers.public.base-url).");
                case ProviderOutput.Inline inline -> throw new OutputUnavailableException(
                        "The provider returned the result inline and the gateway has no output store configured "
                                + "(gateway.workers.public.base-url).");
            }
        }
        return urls;
    }
}
