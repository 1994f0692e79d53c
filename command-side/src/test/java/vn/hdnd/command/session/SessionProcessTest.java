package vn.hdnd.command.session;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hdnd.command.council.CouncilCommands.EndMandate;
import vn.hdnd.command.session.SessionCommands.AdoptResolution;
import vn.hdnd.command.session.SessionCommands.Adopted;
import vn.hdnd.command.session.SessionCommands.Decision;
import vn.hdnd.command.session.SessionCommands.RecordResolution;
import vn.hdnd.command.session.SessionCommands.RecordVote;
import vn.hdnd.events.council.MandateEndReason;
import vn.hdnd.events.session.MotionKind;
import vn.hdnd.events.session.VoteOutcome;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * What a vote sets off, in order: the register numbers an adopted motion, a dismissal ends the delegate's mandate in
 * the council, and the session records the resolution last; a rejected motion sets off nothing.
 */
class SessionProcessTest {
    private static final LocalDate VOTED = LocalDate.of(2021, 12, 9);

    private final List<Object> sent = new ArrayList<>();
    private CommandGateway gateway;
    private SessionProcess process;

    @BeforeEach
    void setUp() {
        gateway = mock(CommandGateway.class);
        process = new SessionProcess(gateway, mock(EventStore.class));
    }

    private void answer(Decision decision) {
        when(gateway.sendAndWait(any(Object.class))).thenAnswer(invocation -> {
            Object command = ((CommandMessage<?>) invocation.getArgument(0)).getPayload();
            sent.add(command);
            if (command instanceof RecordVote) {
                return decision;
            }
            if (command instanceof AdoptResolution) {
                return new Adopted("vn-hn-nq-2021-9", "9/2021/NQ-HĐND");
            }
            return null;
        });
    }

    private static Decision decision(MotionKind kind, VoteOutcome outcome) {
        return new Decision("vn-hn", "m1", kind, "Bãi nhiệm đại biểu d9", null, List.of(), List.of(),
                kind == MotionKind.DISMISSAL ? "d9" : null, VOTED, outcome);
    }

    private void vote() {
        process.handle(new SessionProcess.Vote("vn-hn-xvi-3", null, "m1", VOTED, 70, 0, 0, null));
    }

    @Test
    void anAdoptedDismissalEndsTheDelegatesMandate() {
        answer(decision(MotionKind.DISMISSAL, VoteOutcome.ADOPTED));
        vote();
        assertThat(sent).hasSize(4);
        assertThat(sent.get(0)).isInstanceOf(RecordVote.class);
        assertThat(sent.get(1)).isInstanceOf(AdoptResolution.class);
        assertThat(sent.get(2)).isEqualTo(new EndMandate("vn-hn", null, "d9", MandateEndReason.DISMISSED, VOTED,
                "Nghị quyết số 9/2021/NQ-HĐND: Bãi nhiệm đại biểu d9"));
        assertThat(sent.get(3)).isEqualTo(new RecordResolution("vn-hn-xvi-3", "m1", "vn-hn-nq-2021-9",
                "9/2021/NQ-HĐND"));
    }

    @Test
    void aRejectedDismissalEndsNothing() {
        answer(decision(MotionKind.DISMISSAL, VoteOutcome.REJECTED));
        vote();
        assertThat(sent).hasSize(1).first().isInstanceOf(RecordVote.class);
    }

    @Test
    void anAdoptedResolutionIsNumberedAndEndsNoMandate() {
        answer(decision(MotionKind.RESOLUTION, VoteOutcome.ADOPTED));
        vote();
        assertThat(sent).hasSize(3).noneMatch(EndMandate.class::isInstance);
        assertThat(((AdoptResolution) sent.get(1)).registerId()).isEqualTo("vn-hn:register");
    }
}
