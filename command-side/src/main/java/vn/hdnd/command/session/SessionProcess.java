package vn.hdnd.command.session;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Component;
import vn.hdnd.command.council.CouncilCommands.EndMandate;
import vn.hdnd.command.dispatch.RecordedDecision;
import vn.hdnd.command.session.SessionCommands.AdoptResolution;
import vn.hdnd.command.session.SessionCommands.Adopted;
import vn.hdnd.command.session.SessionCommands.Decision;
import vn.hdnd.command.session.SessionCommands.RecordResolution;
import vn.hdnd.command.session.SessionCommands.RecordVote;
import vn.hdnd.command.session.SessionCommands.ReserveSessionNumber;
import vn.hdnd.command.session.SessionCommands.ScheduleSession;
import vn.hdnd.events.council.MandateEndReason;
import vn.hdnd.events.session.Ballot;
import vn.hdnd.events.session.MotionKind;
import vn.hdnd.events.session.ResolutionAdopted;
import vn.hdnd.events.session.SessionKind;
import vn.hdnd.events.session.VoteOutcome;

import java.time.LocalDate;
import java.util.List;

/**
 * The two staff commands that span aggregates. Each runs as one unit of work in the dispatcher's one database
 * transaction: the commands it sends are nested in it, so either every event is appended or none is, and a
 * concurrent append anywhere retries the whole.
 *
 * <ul>
 *   <li>{@link Schedule}: the council's register reserves the session's number within the term, then the session is
 *   created.</li>
 *   <li>{@link Vote}: the session decides the vote by the rule; an adopted motion then gets the next resolution number
 *   from the council's register (which also marks the resolutions it amends or repeals), a dismissal ends the
 *   delegate's mandate in the council, and the session records which resolution its motion became. That last event
 *   comes last, so the session's version and position answered to the client cover everything; the answer's
 *   {@code receiptPosition} points at the register's {@code ResolutionAdopted}, which holds the resolution's
 *   title and text.</li>
 * </ul>
 */
@Component
class SessionProcess {

    record Schedule(String sessionId, String councilId, int number, SessionKind kind, LocalDate scheduledFor) {
    }

    record Vote(String sessionId, Long expectedVersion, String motionId, LocalDate votedOn, Integer yes, Integer no,
                Integer abstain, List<Ballot> ballots) {
    }

    private final CommandGateway commands;
    private final EventStore eventStore;

    SessionProcess(CommandGateway commands, EventStore eventStore) {
        this.commands = commands;
        this.eventStore = eventStore;
    }

    @CommandHandler
    void handle(Schedule command) {
        // A session id is given once; checked here so that a repeated id is answered as such, whatever else is wrong.
        if (eventStore.lastSequenceNumberFor(command.sessionId()).isPresent()) {
            throw new AggregateStreamCreationException("session " + command.sessionId() + " already exists");
        }
        String term = send(new ReserveSessionNumber(CouncilRegister.idOf(command.councilId()), command.councilId(),
                command.number(), command.sessionId(), command.scheduledFor()));
        send(new ScheduleSession(command.sessionId(), command.councilId(), term, command.number(), command.kind(),
                command.scheduledFor()));
    }

    /**
     * Answers, for an adopted motion, where the resolution's content is recorded: the register's
     * {@code ResolutionAdopted} (title and text), the event a receipt for the vote should cover. Null otherwise.
     */
    @CommandHandler
    RecordedDecision handle(Vote command) {
        Decision decision = send(new RecordVote(command.sessionId(), command.expectedVersion(), command.motionId(),
                command.votedOn(), command.yes(), command.no(), command.abstain(), command.ballots()));
        if (decision.outcome() != VoteOutcome.ADOPTED) {
            return null;
        }
        Adopted resolution = send(new AdoptResolution(CouncilRegister.idOf(decision.councilId()),
                decision.councilId(), command.sessionId(), command.motionId(), decision.kind(), decision.title(),
                decision.text(), decision.votedOn(), decision.amends(), decision.repeals(), decision.delegateId()));
        if (decision.kind() == MotionKind.DISMISSAL) {
            // LOLG 2015: a delegate dismissed (bãi nhiệm) by the council loses the mandate from the vote date. The
            // council aggregate owns mandates, so it ends the mandate (and any office) by its own rules.
            send(new EndMandate(decision.councilId(), null, decision.delegateId(), MandateEndReason.DISMISSED,
                    decision.votedOn(), "Nghị quyết số " + resolution.number() + ": " + decision.title()));
        }
        send(new RecordResolution(command.sessionId(), command.motionId(), resolution.resolutionId(),
                resolution.number()));
        return new RecordedDecision(CouncilRegister.idOf(decision.councilId()), ResolutionAdopted.class);
    }

    /** Sends a nested command carrying this command's metadata (actor, reason, command id) to its events. */
    private <R> R send(Object command) {
        MetaData metaData = CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().getMessage().getMetaData() : MetaData.emptyInstance();
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }
}
