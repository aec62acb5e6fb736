package com.aimedia.gateway.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;

import com.aimedia.gateway.schemas.v1.PollRequested;
import com.aimedia.gateway.schemas.v1.ProviderCallbackReceived;
import com.aimedia.gateway.schemas.v1.ReportedOutcome;
import com.aimedia.gateway.schemas.v1.SubmissionCheckRequested;
import com.aimedia.gateway.schemas.v1.TaskStatus;
import com.aimedia.gateway.schemas.v1.TaskStatusChanged;
import com.aimedia.gateway.schemas.v1.TaskCancelRequested;
import com.aimedia.gateway.schemas.v1.TaskStatusReported;
import com.aimedia.gateway.schemas.v1.TaskSubmitted;

/**
 * The closed set of event types that travel over Kafka, with the schema history each one
 * can still be decoded from. The history lives in {@code avro-history/<Name>/v<N>.avsc}
 * on the classpath.
 */
public final class EventTypes {

    /** Every event class, with its current schema. */
    public static final List<Class<? extends SpecificRecord>> ALL = List.of(TaskSubmitted.class, PollRequested.class,
            TaskStatusReported.class, TaskStatusChanged.class, SubmissionCheckRequested.class,
            ProviderCallbackReceived.class, TaskCancelRequested.class);

    static {
        // Avro 1.12.2 refuses to instantiate classes it has not been told to trust.
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(),
                ClassSecurityValidator.builder()
                    .add(TaskSubmitted.class)
                    .add(PollRequested.class)
                    .add(TaskStatusReported.class)
                    .add(TaskStatusChanged.class)
                    .add(SubmissionCheckRequested.class)
                    .add(ProviderCallbackReceived.class)
                    .add(TaskCancelRequested.class)
                    .add(TaskStatus.class)
                    .add(ReportedOutcome.class)
                    .build()));
    }

    private EventTypes() {
    }

    /** Makes sure the trust registration above has run; cheap to call repeatedly. */
    public static void trustGeneratedClasses() {
        // the static initializer does the work
    }

    /** The committed schema versions of one event type, oldest first. */
    public static List<Schema> history(Class<? extends SpecificRecord> type) {
        List<Schema> versions = new ArrayList<>();
        for (int version = 1;; version++) {
            String resource = "/avro-history/" + type.getSimpleName() + "/v" + version + ".avsc";
            try (InputStream in = EventTypes.class.getResourceAsStream(resource)) {
                if (in == null) {
                    return versions;
                }
                versions.add(new Schema.Parser().parse(in));
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot read schema history " + resource, e);
            }
        }
    }

}
