package vn.hdnd.command.oversight;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.hdnd.command.dispatch.CommandDispatcher;
import vn.hdnd.command.dispatch.CommandDispatcher.Target;
import vn.hdnd.command.dispatch.CommandRequest;
import vn.hdnd.command.dispatch.CommandResult;
import vn.hdnd.command.dispatch.Ids;
import vn.hdnd.command.dispatch.NfcSize;
import vn.hdnd.command.dispatch.Problems;
import vn.hdnd.command.oversight.OversightCommands.CloseCase;
import vn.hdnd.command.oversight.OversightCommands.CloseRecommendation;
import vn.hdnd.command.oversight.OversightCommands.ConcludeCase;
import vn.hdnd.command.oversight.OversightCommands.IssueConclusion;
import vn.hdnd.command.oversight.OversightCommands.OpenCase;
import vn.hdnd.command.oversight.OversightCommands.ReExamine;
import vn.hdnd.command.oversight.OversightCommands.RecordFinding;
import vn.hdnd.command.oversight.OversightCommands.RecordResponse;
import vn.hdnd.events.oversight.ConclusionIssued.OriginalClosure;
import vn.hdnd.events.oversight.ConclusionIssued.Recommendation;
import vn.hdnd.events.oversight.ConductingBody;
import vn.hdnd.events.oversight.OversightCaseOpened;
import vn.hdnd.events.oversight.RecommendationOutcome;
import vn.hdnd.events.oversight.ResponseStatus;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Staff commands on oversight cases: open, findings, the conclusion with its recommendations, agency responses,
 * closures, re-examinations. A case is commanded within its council's scope. Text is stored in NFC.
 */
@RestController
@RequestMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Oversight commands")
class OversightCaseController {
    private static final String LINE = "^[^\\p{Cntrl}]*$";
    private static final String CASE = "/api/v1/oversight-cases/{id}";
    static final int LONG_TEXT = 20_000;
    /** The widths of oversight_case_view.title and of the agency columns. */
    static final int TITLE = 500;
    private static final int AGENCY = 300;
    private final CommandDispatcher dispatcher;
    private final EventStoreOversightDirectory directory;

    OversightCaseController(CommandDispatcher dispatcher, EventStoreOversightDirectory directory) {
        this.dispatcher = dispatcher;
        this.directory = directory;
    }

    record OpenRequest(@Pattern(regexp = Ids.PATTERN) String id,
                       @NotBlank @Size(max = TITLE) @NfcSize(max = TITLE) @Pattern(regexp = LINE) String title,
                       @Schema(description = "what the oversight examines")
                       @NotBlank @Size(max = LONG_TEXT) @NfcSize(max = LONG_TEXT) String scope,
                       @NotNull ConductingBody conductedBy,
                       @Schema(description = "the committee (Ban) conducting the case; only with COMMITTEE")
                       @Pattern(regexp = Ids.PATTERN) String committeeId,
                       @Schema(description = "the supervised agencies")
                       @NotEmpty @Size(max = 100)
                       List<@NotBlank @Size(max = AGENCY) @NfcSize(max = AGENCY) @Pattern(regexp = LINE) String>
                               subjects,
                       @NotNull LocalDate openedOn,
                       @Size(max = 2000) String reason) {
    }

    @PostMapping("/api/v1/councils/{councilId}/oversight-cases")
    @Operation(summary = "Open an oversight case (giám sát) of the council")
    ResponseEntity<CommandResult> open(@PathVariable String councilId, @Valid @RequestBody OpenRequest body,
                                       CommandRequest request) {
        if (!directory.councilExists(councilId)) {
            throw unknown("council " + councilId);
        }
        String id = body.id() != null ? body.id() : Ids.mint(councilId + "-gs");
        return dispatcher.dispatch(request, new Target(councilId, id, id, true), body, body.reason(),
                v -> new OpenCase(id, councilId, nfc(body.title()), nfc(body.scope()), body.conductedBy(),
                        body.committeeId(), nfc(body.subjects()), body.openedOn(), null, List.of()));
    }

    record FindingRequest(@NotBlank @Size(max = LONG_TEXT) @NfcSize(max = LONG_TEXT) String text,
                          @NotNull LocalDate recordedOn,
                          @Size(max = 2000) String reason) {
    }

    @PostMapping(CASE + "/findings")
    @Operation(summary = "Record a finding; none dated after the conclusion")
    ResponseEntity<CommandResult> finding(@PathVariable String id, @Valid @RequestBody FindingRequest body,
                                          CommandRequest request) {
        return dispatcher.dispatch(request, onCase(id, id, true), body, body.reason(),
                v -> new RecordFinding(id, v, nfc(body.text()), body.recordedOn()));
    }

    record RecommendationRequest(@Schema(description = "unique within the case; default r1, r2… in order")
                                 @Pattern(regexp = Ids.PATTERN) String id,
                                 @Schema(description = "the agency the recommendation is addressed to")
                                 @NotBlank @Size(max = AGENCY) @NfcSize(max = AGENCY) @Pattern(regexp = LINE)
                                 String addressee,
                                 @NotBlank @Size(max = LONG_TEXT) @NfcSize(max = LONG_TEXT) String action,
                                 @NotNull LocalDate dueOn,
                                 @Schema(description = "re-examination only: original recommendations this one "
                                         + "replaces; they close as SUPERSEDED")
                                 @Size(max = 100) List<@NotNull @Pattern(regexp = Ids.PATTERN) String> supersedes) {
    }

    record OriginalClosureRequest(@NotNull @Pattern(regexp = Ids.PATTERN) String recommendationId,
                                  @Schema(description = "IMPLEMENTED, NOT_IMPLEMENTED or WITHDRAWN")
                                  @NotNull RecommendationOutcome outcome,
                                  @NotBlank @Size(max = LONG_TEXT) @NfcSize(max = LONG_TEXT) String reason) {
    }

    record ConclusionRequest(@NotBlank @Size(max = 100) @NfcSize(max = 100) @Pattern(regexp = LINE) String number,
                             @NotNull LocalDate issuedOn,
                             @Size(max = LONG_TEXT) @NfcSize(max = LONG_TEXT) String summary,
                             @NotNull @Size(max = 500) List<@Valid @NotNull RecommendationRequest> recommendations,
                             @Schema(description = "re-examination only: original recommendations this conclusion "
                                     + "closes")
                             @Size(max = 500) List<@Valid @NotNull OriginalClosureRequest> closes,
                             @Size(max = 2000) String reason) {
    }

    @PostMapping(CASE + "/conclusion")
    @Operation(summary = "Issue the conclusion (kết luận giám sát) with its recommendations, once; a "
            + "re-examination's conclusion may close or supersede the original recommendations")
    ResponseEntity<CommandResult> conclusion(@PathVariable String id, @Valid @RequestBody ConclusionRequest body,
                                             CommandRequest request) {
        List<Recommendation> recommendations = new ArrayList<>();
        for (int i = 0; i < body.recommendations().size(); i++) {
            RecommendationRequest r = body.recommendations().get(i);
            recommendations.add(new Recommendation(r.id() != null ? r.id() : "r" + (i + 1), nfc(r.addressee()),
                    nfc(r.action()), r.dueOn(), r.supersedes() == null ? List.of() : List.copyOf(r.supersedes())));
        }
        List<OriginalClosure> closes = body.closes() == null ? List.of() : body.closes().stream()
                .map(c -> new OriginalClosure(c.recommendationId(), c.outcome(), nfc(c.reason())))
                .toList();
        return dispatcher.dispatch(request, onCase(id, id, true), body, body.reason(),
                v -> new ConcludeCase(new IssueConclusion(id, v, nfc(body.number()), body.issuedOn(),
                        nfc(body.summary()), recommendations, closes)));
    }

    record ResponseRequest(@NotNull LocalDate reportedOn,
                           @NotBlank @Size(max = LONG_TEXT) @NfcSize(max = LONG_TEXT) String report,
                           @NotNull ResponseStatus status,
                           @Size(max = 2000) String reason) {
    }

    @PostMapping(CASE + "/recommendations/{recId}/responses")
    @Operation(summary = "Record an agency's response on a recommendation (append-only)")
    ResponseEntity<CommandResult> response(@PathVariable String id, @PathVariable String recId,
                                           @Valid @RequestBody ResponseRequest body, CommandRequest request) {
        return dispatcher.dispatch(request, onCase(id, recId, true), body, body.reason(),
                v -> new RecordResponse(id, v, recId, body.reportedOn(), nfc(body.report()), body.status()));
    }

    record RecommendationClosureRequest(@NotNull RecommendationOutcome outcome,
                                        @NotNull LocalDate closedOn,
                                        @NotBlank @Size(max = LONG_TEXT) @NfcSize(max = LONG_TEXT) String reason) {
    }

    @PostMapping(CASE + "/recommendations/{recId}/closure")
    @Operation(summary = "Close a recommendation as IMPLEMENTED, NOT_IMPLEMENTED, SUPERSEDED or WITHDRAWN")
    ResponseEntity<CommandResult> closeRecommendation(@PathVariable String id, @PathVariable String recId,
                                                      @Valid @RequestBody RecommendationClosureRequest body,
                                                      CommandRequest request) {
        return dispatcher.dispatch(request, onCase(id, recId, false), body, body.reason(),
                v -> new CloseRecommendation(id, v, recId, body.outcome(), body.closedOn(), nfc(body.reason())));
    }

    record ReExaminationRequest(@Schema(description = "the new case's id")
                                @Pattern(regexp = Ids.PATTERN) String id,
                                @NotEmpty @Size(max = 500)
                                List<@NotNull @Pattern(regexp = Ids.PATTERN) String> recommendationIds,
                                @Size(max = 2000) @NfcSize(max = 2000) String reason,
                                @NotNull LocalDate openedOn,
                                @Schema(description = "default: \"Tái giám sát: \" and the original title")
                                @Size(max = TITLE) @NfcSize(max = TITLE) @Pattern(regexp = LINE) String title,
                                @Schema(description = "default: the reason, else the re-examined recommendations "
                                        + "of the original case")
                                @Size(max = LONG_TEXT) @NfcSize(max = LONG_TEXT) String scope,
                                @Schema(description = "default: the original case's conducting body")
                                ConductingBody conductedBy,
                                @Pattern(regexp = Ids.PATTERN) String committeeId,
                                @Schema(description = "default: the addressees of the re-examined recommendations")
                                @Size(max = 100)
                                List<@NotBlank @Size(max = AGENCY) @NfcSize(max = AGENCY) @Pattern(regexp = LINE)
                                        String> subjects) {
    }

    @PostMapping(CASE + "/re-examinations")
    @Operation(summary = "Re-examine (tái giám sát) recommendations of this case: a new case opens, linked both ways")
    ResponseEntity<CommandResult> reExamine(@PathVariable String id, @Valid @RequestBody ReExaminationRequest body,
                                            CommandRequest request) {
        String councilId = councilOf(id);
        String newId = body.id() != null ? body.id() : Ids.mint(councilId + "-gs");
        List<String> recommendationIds = List.copyOf(new LinkedHashSet<>(body.recommendationIds()));
        // Queued on the original case, which records the link too.
        return dispatcher.dispatch(request, new Target(councilId, newId, newId, true, id), body, body.reason(),
                v -> new ReExamine(id, v, newId, recommendationIds, nfc(body.reason()), body.openedOn(),
                        nfc(body.title()), nfc(body.scope()), body.conductedBy(), body.committeeId(),
                        body.subjects() == null ? null : nfc(body.subjects())));
    }

    record CaseClosureRequest(@NotNull LocalDate closedOn, @Size(max = 2000) String reason) {
    }

    @PostMapping(CASE + "/closure")
    @Operation(summary = "Close the case; every recommendation must be closed")
    ResponseEntity<CommandResult> close(@PathVariable String id, @Valid @RequestBody CaseClosureRequest body,
                                        CommandRequest request) {
        return dispatcher.dispatch(request, onCase(id, id, false), body, body.reason(),
                v -> new CloseCase(id, v, body.closedOn()));
    }

    /** Commands on a case are authorised by the case's council. */
    private Target onCase(String caseId, String resultId, boolean created) {
        return new Target(councilOf(caseId), caseId, resultId, created);
    }

    private String councilOf(String caseId) {
        return directory.opening(caseId).map(OversightCaseOpened::councilId)
                .orElseThrow(() -> unknown("oversight case " + caseId));
    }

    private static RuntimeException unknown(String what) {
        return Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Unknown resource", what + " is not in the record");
    }

    private static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
    }

    private static List<String> nfc(List<String> texts) {
        return texts.stream().map(OversightCaseController::nfc).toList();
    }
}
