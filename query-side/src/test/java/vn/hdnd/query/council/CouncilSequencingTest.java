package vn.hdnd.query.council;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import vn.hdnd.events.council.CommitteeFormed;
import vn.hdnd.events.council.DelegateSeated;
import vn.hdnd.events.council.MandateEnded;
import vn.hdnd.events.council.MandateEndReason;
import vn.hdnd.events.council.Office;
import vn.hdnd.events.council.OfficeAssigned;
import vn.hdnd.events.council.OfficeVacated;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CouncilSequencingTest {
    private static final LocalDate ON = LocalDate.of(2021, 6, 1);
    private final CouncilSequencing policy = new CouncilSequencing();
    private long sequence;

    private Object sequenceOf(Object payload) {
        return policy.getSequenceIdentifierFor(
                new GenericDomainEventMessage<>("Council", "vn-01", sequence++, payload));
    }

    @Test
    void aDelegatesEventsAreOneSequenceAndTwoDelegatesAreTwo() {
        Object seated = sequenceOf(new DelegateSeated("vn-01", "d1", "Lê Văn A", false, null, "2021-2026", ON));
        assertThat(sequenceOf(new OfficeAssigned("vn-01", "d1", Office.CHAIR, null, true, ON, "NQ 1")))
                .isEqualTo(seated);
        assertThat(sequenceOf(new OfficeVacated("vn-01", "d1", Office.CHAIR, null, ON, "NQ 2"))).isEqualTo(seated);
        assertThat(sequenceOf(new MandateEnded("vn-01", "d1", MandateEndReason.RESIGNED, ON, "NQ 3")))
                .isEqualTo(seated);

        assertThat(sequenceOf(new DelegateSeated("vn-01", "d2", "Lê Văn B", false, null, "2021-2026", ON)))
                .isNotEqualTo(seated);
        // The same delegate id in another council is another delegate.
        assertThat(sequenceOf(new DelegateSeated("vn-02", "d1", "Lê Văn A", false, null, "2021-2026", ON)))
                .isNotEqualTo(seated);
    }

    @Test
    void theCouncilsOwnEventsAreTheAggregatesSequence() {
        assertThat(sequenceOf(new CommitteeFormed("vn-01", "kt", "Ban Kinh tế", ON))).isEqualTo("vn-01");
        assertThat(sequenceOf(new DelegateSeated("vn-01", "d1", "Lê Văn A", false, null, "2021-2026", ON)))
                .isNotEqualTo("vn-01");
    }
}
