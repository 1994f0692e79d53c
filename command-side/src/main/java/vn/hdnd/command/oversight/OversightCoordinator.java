package vn.hdnd.command.oversight;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.hdnd.command.dispatch.Problems;
import vn.hdnd.command.dispatch.RecordedDecision;
import vn.hdnd.command.oversight.OversightCommands.CloseReExaminedRecommendations;
import vn.hdnd.command.oversight.OversightCommands.ConcludeCase;
import vn.hdnd.command.oversight.OversightCommands.IssueConclusion;
import vn.hdnd.command.oversight.OversightCommands.OpenCase;
import vn.hdnd.command.oversight.OversightCommands.OriginalDecision;
import vn.hdnd.command.oversight.OversightCommands.ReExaminationBasis;
import vn.hdnd.command.oversight.OversightCommands.ReExamine;
import vn.hdnd.command.oversight.OversightCommands.RecordReExamination;
import vn.hdnd.events.oversight.ConclusionIssued;
import vn.hdnd.events.oversight.OversightCaseOpened;

import java.util.List;

/**
 * The commands that change two cases: a re-examination (the original case records the link, the new case opens) and
 * a re-examination's conclusion (the new case concludes, the original recommendations it decides on close). Each
 * case keeps its own rules; this handler only sends both commands inside its own unit of work, so their events are
 * stored together in one transaction, or not at all when either case refuses.
 */
@Component
class OversightCoordinator {
    private final CommandGateway commands;
    private final EventStoreOversightDirectory directory;

    OversightCoordinator(CommandGateway commands, EventStoreOversightDirectory directory) {
        this.commands = commands;
        this.directory = directory;
    }

    @CommandHandler
    void handle(ReExamine command) {
        ReExaminationBasis original = commands.sendAndWait(new RecordReExamination(command.caseId(),
                command.expectedVersion(), command.newCaseId(), command.recommendationIds(), command.reason(),
                command.openedOn()));
        // Unless the request says otherwise, the new case is conducted like the original one and supervises the
        // agencies the re-examined recommendations were addressed to.
        boolean sameConductor = command.conductedBy() == null;
        String title = command.title() != null ? command.title() : "Tái giám sát: " + original.title();
        if (title.length() > OversightCaseController.TITLE) {
            // The default title of a re-examination of a case with a long title would not fit the case view.
            throw Problems.problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", "the default title \""
                    + title + "\" is longer than " + OversightCaseController.TITLE + " characters; give a title");
        }
        commands.sendAndWait(new OpenCase(command.newCaseId(), original.councilId(), title,
                scopeOf(command, original),
                sameConductor ? original.conductedBy() : command.conductedBy(),
                sameConductor ? original.committeeId() : command.committeeId(),
                command.subjects() != null && !command.subjects().isEmpty() ? command.subjects()
                        : original.addressees(),
                command.openedOn(), command.caseId(), command.recommendationIds()));
    }

    /** The request's scope, else its reason, else the re-examined recommendations of the original case. */
    private static String scopeOf(ReExamine command, ReExaminationBasis original) {
        if (command.scope() != null && !command.scope().isBlank()) {
            return command.scope();
        }
        if (command.reason() != null && !command.reason().isBlank()) {
            return command.reason();
        }
        String listed = "Việc thực hiện các kiến nghị " + String.join(", ", command.recommendationIds())
                + " của cuộc giám sát: " + original.title();
        // Hundreds of long ids would not fit the case view's scope column: then they are counted, not listed.
        return listed.length() <= OversightCaseController.LONG_TEXT ? listed
                : "Việc thực hiện " + command.recommendationIds().size() + " kiến nghị của cuộc giám sát: "
                + original.title();
    }

    /** Answers where the conclusion is recorded, for the answer's {@code receiptPosition}. */
    @CommandHandler
    RecordedDecision handle(ConcludeCase command) {
        IssueConclusion conclusion = command.conclusion();
        List<OriginalDecision> decisions = conclusion.decisions();
        String original = decisions.isEmpty() ? null
                : directory.opening(conclusion.caseId()).map(OversightCaseOpened::reExaminationOf).orElse(null);
        // The original case first, so that the conclusion is this command's last event: the position answered for
        // read-your-writes then covers both cases. (Without an original case the conclusion refuses the decisions.)
        if (original != null) {
            commands.sendAndWait(new CloseReExaminedRecommendations(original, conclusion.caseId(),
                    conclusion.issuedOn(), decisions));
        }
        commands.sendAndWait(conclusion);
        return new RecordedDecision(conclusion.caseId(), ConclusionIssued.class);
    }
}
