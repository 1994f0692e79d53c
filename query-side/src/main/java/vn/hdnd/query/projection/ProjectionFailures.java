package vn.hdnd.query.projection;

import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each projection's last failed batch, for the admin endpoint. A failing batch aborts only its segment's work: Axon
 * drops the segment's status until it claims the segment again and its {@code isError()} reports coordinator failures
 * only, so without this record a projection stuck on an event would look healthy. The error still propagates: the
 * batch rolls back and is retried, never skipped.
 */
@Component
class ProjectionFailures implements ErrorHandler, ConfigurerModule {
    /** Per projection, the position of the last event of its last failed batch. */
    private final Map<String, Long> failures = new ConcurrentHashMap<>();

    @Override
    public void configureModule(Configurer configurer) {
        configurer.eventProcessing().registerDefaultErrorHandler(c -> this);
    }

    @Override
    public void handleError(ErrorContext context) throws Exception {
        long position = context.failedEvents().stream()
                .filter(TrackedEventMessage.class::isInstance)
                .mapToLong(e -> ((TrackedEventMessage<?>) e).trackingToken().position().orElse(-1))
                .max().orElse(-1);
        failures.put(context.eventProcessor(), position);
        PropagatingErrorHandler.instance().handleError(context);
    }

    /** The position the projection must get past for its last failure to be over. */
    OptionalLong of(String processor) {
        Long position = failures.get(processor);
        return position == null ? OptionalLong.empty() : OptionalLong.of(position);
    }

    /** A rebuild starts over: a failure before it is no longer the projection's. */
    void forget(String processor) {
        failures.remove(processor);
    }

    /** Forgets a failure once the projection has got past it (unless a newer one replaced it meanwhile). */
    void cleared(String processor, long position) {
        failures.remove(processor, position);
    }
}
