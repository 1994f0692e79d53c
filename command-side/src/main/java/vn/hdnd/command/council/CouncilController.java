package vn.hdnd.command.council;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.hdnd.command.council.CouncilCommands.AssignOffice;
import vn.hdnd.command.council.CouncilCommands.DissolveCouncil;
import vn.hdnd.command.council.CouncilCommands.EndMandate;
import vn.hdnd.command.council.CouncilCommands.EndTerm;
import vn.hdnd.command.council.CouncilCommands.EstablishCouncil;
import vn.hdnd.command.council.CouncilCommands.FormCommittee;
import vn.hdnd.command.council.CouncilCommands.OpenTerm;
import vn.hdnd.command.council.CouncilCommands.SeatDelegate;
import vn.hdnd.command.council.CouncilCommands.VacateOffice;
import vn.hdnd.command.dispatch.CommandDispatcher;
import vn.hdnd.command.dispatch.CommandDispatcher.Target;
import vn.hdnd.command.dispatch.CommandRequest;
import vn.hdnd.command.dispatch.CommandResult;
import vn.hdnd.command.dispatch.Ids;
import vn.hdnd.events.council.MandateEndReason;
import vn.hdnd.events.council.Office;
import vn.hdnd.events.council.Tier;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Staff commands on councils: establish, terms, delegates, offices, committees, dissolution. */
@RestController
@RequestMapping(path = "/api/v1/councils", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Council commands")
class CouncilController {
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String TEXT = "^[^\\p{Cntrl}]*$";
    private final CommandDispatcher dispatcher;

    CouncilController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    record EstablishRequest(@Pattern(regexp = Ids.PATTERN) String id,
                            @NotBlank @Size(max = 200) @Pattern(regexp = TEXT) String name,
                            @NotNull Tier tier,
                            @Pattern(regexp = Ids.PATTERN) String parentId,
                            @NotNull LocalDate establishedOn,
                            @Size(max = 2000) String reason) {
    }

    @PostMapping
    @Operation(summary = "Establish a council (thành lập HĐND)")
    ResponseEntity<CommandResult> establish(@Valid @RequestBody EstablishRequest body, CommandRequest request) {
        String id = body.id() != null ? body.id() : Ids.mint(body.parentId() != null ? body.parentId() : "c");
        // Establishing a child council is a command on the parent's tree, so the parent's scope authorises it.
        return dispatcher.dispatch(request, new Target(id, id, id, true), body, body.reason(),
                v -> new EstablishCouncil(id, body.name(), body.tier(), body.parentId(), body.establishedOn()));
    }

    record OpenTermRequest(@NotBlank @Pattern(regexp = "\\d{4}-\\d{4}") String term,
                           @Positive @Max(1000) int seats,
                           @NotNull LocalDate startsOn,
                           @Size(max = 2000) String reason) {
    }

    @PostMapping("/{id}/terms")
    @Operation(summary = "Open a term (nhiệm kỳ); one open term at a time")
    ResponseEntity<CommandResult> openTerm(@PathVariable String id, @Valid @RequestBody OpenTermRequest body,
                                           CommandRequest request) {
        return dispatcher.dispatch(request, Target.council(id).creating(body.term()), body, body.reason(),
                v -> new OpenTerm(id, v, body.term(), body.seats(), body.startsOn()));
    }

    record EndTermRequest(@NotNull LocalDate endsOn, @Size(max = 2000) String reason) {
    }

    @PostMapping("/{id}/terms/{term}/end")
    @Operation(summary = "End the open term; every open mandate ends with it")
    ResponseEntity<CommandResult> endTerm(@PathVariable String id, @PathVariable String term,
                                          @Valid @RequestBody EndTermRequest body, CommandRequest request) {
        return dispatcher.dispatch(request, Target.council(id), body, body.reason(),
                v -> new EndTerm(id, v, term, body.endsOn()));
    }

    record SeatRequest(@Pattern(regexp = Ids.PATTERN) String id,
                       @NotBlank @Size(max = 200) @Pattern(regexp = TEXT) String fullName,
                       boolean fullTime,
                       @Size(max = 200) @Pattern(regexp = TEXT) String constituency,
                       @NotNull LocalDate seatedOn,
                       @Size(max = 2000) String reason) {
    }

    @PostMapping("/{id}/delegates")
    @Operation(summary = "Seat a delegate (đại biểu); never more than the term's seats")
    ResponseEntity<CommandResult> seat(@PathVariable String id, @Valid @RequestBody SeatRequest body,
                                       CommandRequest request) {
        String delegateId = body.id() != null ? body.id() : Ids.mint(id);
        return dispatcher.dispatch(request, Target.council(id).creating(delegateId), body, body.reason(),
                v -> new SeatDelegate(id, v, delegateId, body.fullName(), body.fullTime(), body.constituency(),
                        body.seatedOn()));
    }

    record MandateEndRequest(@NotNull MandateEndReason reason,
                             @NotNull LocalDate effectiveOn,
                             @Size(max = 2000) String basis) {
    }

    @PostMapping("/{id}/delegates/{delegateId}/mandate-end")
    @Operation(summary = "End a delegate's mandate; offices held end with it")
    ResponseEntity<CommandResult> endMandate(@PathVariable String id, @PathVariable String delegateId,
                                             @Valid @RequestBody MandateEndRequest body, CommandRequest request) {
        return dispatcher.dispatch(request, new Target(id, id, delegateId, false), body, body.basis(),
                v -> new EndMandate(id, v, delegateId, body.reason(), body.effectiveOn(), body.basis()));
    }

    record OfficeRequest(@NotNull @Pattern(regexp = Ids.PATTERN) String delegateId,
                         @NotNull Office office,
                         @Pattern(regexp = Ids.PATTERN) String committeeId,
                         boolean fullTime,
                         @NotNull LocalDate effectiveOn,
                         @Size(max = 2000) String basis,
                         @Size(max = 2000) String reason) {
    }

    @PostMapping("/{id}/offices")
    @Operation(summary = "Assign an office to a seated delegate; one chair at a time")
    ResponseEntity<CommandResult> assignOffice(@PathVariable String id, @Valid @RequestBody OfficeRequest body,
                                               CommandRequest request) {
        return dispatcher.dispatch(request, new Target(id, id, body.delegateId(), true), body, reason(body),
                v -> new AssignOffice(id, v, body.delegateId(), body.office(), body.committeeId(), body.fullTime(),
                        body.effectiveOn(), body.basis()));
    }

    record VacateRequest(@NotNull @Pattern(regexp = Ids.PATTERN) String delegateId,
                         @NotNull Office office,
                         @Pattern(regexp = Ids.PATTERN) String committeeId,
                         @NotNull LocalDate effectiveOn,
                         @Size(max = 2000) String basis,
                         @Size(max = 2000) String reason) {
    }

    @PostMapping("/{id}/offices/vacate")
    @Operation(summary = "Vacate an office")
    ResponseEntity<CommandResult> vacateOffice(@PathVariable String id, @Valid @RequestBody VacateRequest body,
                                               CommandRequest request) {
        return dispatcher.dispatch(request, new Target(id, id, body.delegateId(), false), body,
                body.reason() != null ? body.reason() : body.basis(),
                v -> new VacateOffice(id, v, body.delegateId(), body.office(), body.committeeId(),
                        body.effectiveOn(), body.basis()));
    }

    record CommitteeRequest(@Pattern(regexp = Ids.PATTERN) String id,
                            @NotBlank @Size(max = 200) @Pattern(regexp = TEXT) String name,
                            LocalDate formedOn,
                            @Size(max = 2000) String reason) {
    }

    @PostMapping("/{id}/committees")
    @Operation(summary = "Form a committee (ban); formedOn defaults to today")
    ResponseEntity<CommandResult> formCommittee(@PathVariable String id, @Valid @RequestBody CommitteeRequest body,
                                                CommandRequest request) {
        String committeeId = body.id() != null ? body.id() : Ids.mint(id);
        LocalDate formedOn = body.formedOn() != null ? body.formedOn() : LocalDate.now(VIETNAM);
        return dispatcher.dispatch(request, Target.council(id).creating(committeeId), body, body.reason(),
                v -> new FormCommittee(id, v, committeeId, body.name(), formedOn));
    }

    /** At most {@value #MAX_SUCCESSORS} successors: joined by commas they fit the read model's 2,000 characters. */
    static final int MAX_SUCCESSORS = 30;

    record DissolutionRequest(@NotNull LocalDate effectiveOn,
                              @Size(max = MAX_SUCCESSORS)
                              List<@NotNull @Pattern(regexp = Ids.PATTERN) String> successorIds,
                              @Size(max = 2000) String basis,
                              @Size(max = 2000) String reason) {
    }

    @PostMapping("/{id}/dissolution")
    @Operation(summary = "Dissolve the council (e.g. the 2025 tier restructuring); its history stays")
    ResponseEntity<CommandResult> dissolve(@PathVariable String id, @Valid @RequestBody DissolutionRequest body,
                                           CommandRequest request) {
        return dispatcher.dispatch(request, Target.council(id), body,
                body.reason() != null ? body.reason() : body.basis(),
                v -> new DissolveCouncil(id, v, body.effectiveOn(),
                        body.successorIds() == null ? List.of() : body.successorIds(), body.basis()));
    }

    private static String reason(OfficeRequest body) {
        return body.reason() != null ? body.reason() : body.basis();
    }
}
