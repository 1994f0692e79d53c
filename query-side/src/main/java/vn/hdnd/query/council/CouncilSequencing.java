package vn.hdnd.query.council;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.springframework.stereotype.Component;
import vn.hdnd.events.council.DelegateSeated;
import vn.hdnd.events.council.MandateEnded;
import vn.hdnd.events.council.OfficeAssigned;
import vn.hdnd.events.council.OfficeVacated;

/**
 * Which events of the "councils" projection must be handled in order, by one segment: those of one delegate in one
 * council, and the council's own events (establishment, terms, committees, dissolution) among themselves. Set as the
 * processor's {@code sequencing-policy} in application.yml, instead of Axon's default of one sequence per aggregate.
 *
 * <p>Why it is enough: every statement of {@link CouncilProjection} writes one table and reads no other, and a
 * delegate's events only write that delegate's rows (its {@code delegate_view} row, and the {@code office_view} rows
 * it holds), while the council's events write only the council's, term's and committee's rows. Two sequences never
 * write the same row, so their order against each other changes no answer; inside a sequence the order is kept.
 *
 * <p>Why it matters: a council's history is mostly its delegates, and a whole council seated at once (an election,
 * a data load, the bench's synthetic log of 1,000 seats per council) is one long run of one aggregate. Per aggregate,
 * that run goes to one segment and one thread while the others idle, and Axon's coordinator, whose per-segment
 * buffer fills, then pauses for 100 ms at a time. Per delegate, the run spreads over every segment.
 */
@Component(CouncilSequencing.BEAN)
class CouncilSequencing implements SequencingPolicy<EventMessage<?>> {
    static final String BEAN = "councilSequencing";

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof DelegateSeated e) {
            return delegate(e.councilId(), e.delegateId());
        } else if (payload instanceof OfficeAssigned e) {
            return delegate(e.councilId(), e.delegateId());
        } else if (payload instanceof OfficeVacated e) {
            return delegate(e.councilId(), e.delegateId());
        } else if (payload instanceof MandateEnded e) {
            return delegate(e.councilId(), e.delegateId());
        }
        // The council's own events: the council (the aggregate) is the sequence.
        return SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }

    private static String delegate(String councilId, String delegateId) {
        return councilId + "/" + delegateId;
    }
}
