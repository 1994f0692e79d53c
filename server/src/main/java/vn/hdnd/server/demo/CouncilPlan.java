package vn.hdnd.server.demo;

import java.util.List;
import java.util.Objects;

/**
 * The requests that build one council of the demo data set, to be sent one after the other in this order (council,
 * term, committees, delegates, offices): each request depends on the ones before it.
 *
 * @param councilId the council's id, e.g. {@code vn-hn-ba-vi}
 * @param tier      {@code PROVINCE}, {@code DISTRICT} or {@code COMMUNE}
 * @param requests  the council's requests, in order
 */
public record CouncilPlan(String councilId, String tier, List<DemoRequest> requests) {

    public CouncilPlan {
        Objects.requireNonNull(councilId, "councilId");
        Objects.requireNonNull(tier, "tier");
        requests = List.copyOf(requests);
    }
}
