package com.aimedia.gateway.workers.provider.spi;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.aimedia.gateway.simulators.ProviderSimulator;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@link ProviderAdapterContract} run against a provider's simulator: a fresh simulator
 * and adapter per test, and the hooks that are the same for every simulator (slow
 * answers, wrong credentials, secrets, the jobs it created). A provider implements how to
 * start its simulator, how to build its adapter around one credential, and its documented
 * behaviour.
 */
public abstract class SimulatedAdapterContract<S extends ProviderSimulator> extends ProviderAdapterContract {

    /**
     * Adapter timeouts; the read timeout is well below {@link #SLOW_ANSWER} so slow
     * answers time out.
     */
    protected static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

    // 300 ms made an ordinary answer time out now and then on a loaded 2-core build
    // machine
    protected static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

    /**
     * How long a simulated task stays queued, then running: short, so polling reaches an
     * end quickly.
     */
    protected static final Duration QUEUED_FOR = Duration.ofMillis(100);

    protected static final Duration RUNNING_FOR = Duration.ofMillis(200);

    private static final Duration SLOW_ANSWER = Duration.ofSeconds(3);

    protected final JsonMapper json = JsonMapper.builder().build();

    protected S simulator;

    private ProviderAdapter adapter;

    /** Starts the provider's simulator accepting {@link #credential()}. */
    protected abstract S startSimulator();

    /**
     * The credential the simulator accepts (for providers with a key pair: the part the
     * wrong-credential case varies).
     */
    protected abstract String credential();

    /**
     * An adapter pointed at {@link #simulator} that authenticates with
     * {@code credential}.
     */
    protected abstract ProviderAdapter adapterUsing(String credential);

    /** A credential the simulator refuses, shaped like the real one. */
    protected String wrongCredential() {
        return "not-the-" + credential();
    }

    @BeforeEach
    void startSimulatorAndAdapter() {
        simulator = startSimulator();
        adapter = adapterUsing(credential());
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    @Override
    protected final ProviderAdapter adapter() {
        return adapter;
    }

    @Override
    protected ProviderAdapter adapterWithWrongCredentials() {
        return adapterUsing(wrongCredential());
    }

    @Override
    protected void respondSlowly(boolean slow) {
        simulator.delayResponses(slow ? SLOW_ANSWER : Duration.ZERO);
    }

    @Override
    protected long providerJobsCreated() {
        return simulator.jobsCreated();
    }

    @Override
    protected long providerJobsCancelled() {
        return simulator.jobsCancelled();
    }

    /**
     * The cancel case of a provider with a cancel call, against {@code longRunning} (a
     * simulator of the provider whose tasks run for minutes, so the cancel surely finds
     * the task running): the provider stops the task (the simulator counts it), a
     * repeated cancel changes nothing, and the task no longer runs (it polls as failed,
     * or is gone).
     */
    protected void assertCancelStopsRunningTask(S longRunning) {
        simulator.close();
        simulator = longRunning;
        ProviderAdapter cancelling = adapterUsing(credential());
        GenerationRequest request = successfulRequest("task_cancel" + System.nanoTime());
        Submission submission = cancelling.submit(request);
        ProviderTaskRef ref = new ProviderTaskRef(request.taskId(), submission.providerTaskId(),
                submission.providerRef());

        CancelResult first = cancelling.cancel(ref);
        CancelResult repeated = cancelling.cancel(ref);

        assertThat(first).isEqualTo(CancelResult.CANCELLED);
        assertThat(repeated).isIn(CancelResult.CANCELLED, CancelResult.NOT_RUNNING);
        assertThat(simulator.jobsCancelled()).isEqualTo(1);
        Throwable thrown = catchThrowable(() -> assertThat(cancelling.poll(ref)).isInstanceOf(PollResult.Failed.class));
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(NotFound.class);
        }
    }

    @Override
    protected List<String> secrets() {
        return List.of(credential(), wrongCredential());
    }

}
