package vn.hdnd.command.session;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.hdnd.command.dispatch.CommandDispatcher;
import vn.hdnd.command.dispatch.CommandDispatcher.Target;
import vn.hdnd.command.dispatch.CommandRequest;
import vn.hdnd.command.dispatch.CommandResult;
import vn.hdnd.command.dispatch.Ids;
import vn.hdnd.command.dispatch.NfcSize;
import vn.hdnd.command.dispatch.Problems;
import vn.hdnd.command.session.SessionCommands.AdjournSession;
import vn.hdnd.command.session.SessionCommands.ConveneSession;
import vn.hdnd.command.session.SessionCommands.TableMotion;
import vn.hdnd.events.session.Ballot;
import vn.hdnd.events.session.MotionKind;
import vn.hdnd.events.session.SessionKind;
import vn.hdnd.events.session.VoteChoice;

import java.time.LocalDate;
import java.util.List;

/**
 * Staff commands on sessions: schedule, convene, table motions, vote, adjourn. A command on a session is authorised by
 * the session's council.
 */
@RestController
@Tag(name = "Session commands")
class SessionController {
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String TEXT = "^[^\\p{Cntrl}]*$";
    private final CommandDispatcher dispatcher;
    private final SessionDirectory sessions;

    SessionController(CommandDispatcher dispatcher, SessionDirectory sessions) {
        this.dispatcher = dispatcher;
        this.sessions = sessions;
    }

    record ScheduleRequest(@Pattern(regexp = Ids.PATTERN) String id,
                           @Positive @Max(1000) int number,
                           @NotNull SessionKind kind,
                           @NotNull LocalDate scheduledFor,
                           @Size(max = 2000) String reason) {
    }

    @PostMapping(path = "/api/v1/councils/{id}/sessions", consumes = JSON, produces = JSON)
    @Operation(summary = "Schedule a session (kỳ họp), numbered within the council's term")
    ResponseEntity<CommandResult> schedule(@PathVariable String id, @Valid @RequestBody ScheduleRequest body,
                                           CommandRequest request) {
        String sessionId = body.id() != null ? body.id() : Ids.mint(id);
        return dispatcher.dispatch(request, new Target(id, sessionId, sessionId, true, id), body, body.reason(),
                v -> new SessionProcess.Schedule(sessionId, id, body.number(), body.kind(), body.scheduledFor()));
    }

    record ConveneRequest(@NotNull LocalDate convenedOn,
                          @NotNull @Size(max = 1000) List<@NotNull @Pattern(regexp = Ids.PATTERN) String>
                                  presentDelegateIds,
                          @Size(max = 2000) String reason) {
    }

    @PostMapping(path = "/api/v1/sessions/{id}/convene", consumes = JSON, produces = JSON)
    @Operation(summary = "Convene the session with its attendance; present delegates must be seated that day")
    ResponseEntity<CommandResult> convene(@PathVariable String id, @Valid @RequestBody ConveneRequest body,
                                          CommandRequest request) {
        return dispatcher.dispatch(request, onSession(id, id, false), body, body.reason(),
                v -> new ConveneSession(id, v, body.convenedOn(), body.presentDelegateIds()));
    }

    record MotionRequest(@Pattern(regexp = Ids.PATTERN) String id,
                         @NotBlank @Size(max = 500) @NfcSize(max = 500) @Pattern(regexp = TEXT) String title,
                         @NotNull MotionKind kind,
                         @Size(max = 200_000) String text,
                         @Size(max = 100) List<@NotNull @Size(max = 128) String> amends,
                         @Size(max = 100) List<@NotNull @Size(max = 128) String> repeals,
                         @Pattern(regexp = Ids.PATTERN) String delegateId,
                         @Size(max = 2000) String reason) {
        /** Each resolution once: a second listing would record the same amendment or repeal twice. */
        @AssertTrue(message = "list each resolution once in amends and in repeals")
        @Schema(hidden = true)
        boolean isEachResolutionListedOnce() {
            return listedOnce(amends) && listedOnce(repeals);
        }

        private static boolean listedOnce(List<String> ids) {
            return ids == null || ids.stream().distinct().count() == ids.size();
        }
    }

    @PostMapping(path = "/api/v1/sessions/{id}/motions", consumes = JSON, produces = JSON)
    @Operation(summary = "Table a motion: a resolution (which may amend or repeal earlier resolutions of the council) "
            + "or the dismissal of a delegate")
    ResponseEntity<CommandResult> table(@PathVariable String id, @Valid @RequestBody MotionRequest body,
                                        CommandRequest request) {
        String motionId = body.id() != null ? body.id() : Ids.mint("m");
        return dispatcher.dispatch(request, onSession(id, motionId, true), body, body.reason(),
                v -> new TableMotion(id, v, motionId, body.title(), body.kind(), body.text(), body.amends(),
                        body.repeals(), body.delegateId()));
    }

    record BallotRequest(@NotNull @Pattern(regexp = Ids.PATTERN) String delegateId, @NotNull VoteChoice choice) {
    }

    @Schema(description = "Either the counts yes, no and abstain, or the ballots (the counts are then derived). The "
            + "outcome is never sent: the rule in force on votedOn decides it against the delegates seated that day.")
    record VoteRequest(@PositiveOrZero Integer yes,
                       @PositiveOrZero Integer no,
                       @PositiveOrZero Integer abstain,
                       @Size(max = 1000) List<@NotNull @Valid BallotRequest> ballots,
                       @NotNull LocalDate votedOn,
                       @Size(max = 2000) String reason) {
        @AssertTrue(message = "give either yes, no and abstain, or ballots")
        @Schema(hidden = true)
        boolean isCountsOrBallots() {
            boolean counts = yes != null && no != null && abstain != null;
            boolean none = yes == null && no == null && abstain == null;
            return ballots == null ? counts : none;
        }
    }

    @PostMapping(path = "/api/v1/sessions/{id}/motions/{motionId}/vote", consumes = JSON, produces = JSON)
    @Operation(summary = "Record the vote on a motion; the outcome is computed by the rule, and an adopted motion "
            + "becomes a resolution numbered like 12/2021/NQ-HĐND")
    ResponseEntity<CommandResult> vote(@PathVariable String id, @PathVariable String motionId,
                                       @Valid @RequestBody VoteRequest body, CommandRequest request) {
        List<Ballot> ballots = body.ballots() == null ? null
                : body.ballots().stream().map(b -> new Ballot(b.delegateId(), b.choice())).toList();
        return dispatcher.dispatch(request, onSession(id, motionId, true), body, body.reason(),
                v -> new SessionProcess.Vote(id, v, motionId, body.votedOn(), body.yes(), body.no(), body.abstain(),
                        ballots));
    }

    record AdjournRequest(@NotNull LocalDate adjournedOn, @Size(max = 2000) String reason) {
    }

    @PostMapping(path = "/api/v1/sessions/{id}/adjournment", consumes = JSON, produces = JSON)
    @Operation(summary = "Adjourn the session; nothing more is tabled or voted in it")
    ResponseEntity<CommandResult> adjourn(@PathVariable String id, @Valid @RequestBody AdjournRequest body,
                                          CommandRequest request) {
        return dispatcher.dispatch(request, onSession(id, id, false), body, body.reason(),
                v -> new AdjournSession(id, v, body.adjournedOn()));
    }

    /**
     * A command on session {@code sessionId}, authorised by the session's council, and queued behind the council's
     * other session commands: a vote also writes to the council's register (and a dismissal to the council).
     */
    private Target onSession(String sessionId, String resultId, boolean created) {
        String councilId = sessions.councilOf(sessionId).orElseThrow(() -> Problems.problem(HttpStatus.NOT_FOUND,
                "not-found", "Unknown resource", "session " + sessionId + " is not in the record"));
        return new Target(councilId, sessionId, resultId, created, councilId);
    }
}
