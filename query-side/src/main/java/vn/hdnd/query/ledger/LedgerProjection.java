package vn.hdnd.query.ledger;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The "ledger" processor: every event, of every type, becomes the next leaf. The processor has exactly one segment
 * (application.yml), so the leaf order is the one order in which the node holding that segment sees the log; the
 * global index cannot serve, since it has gaps and is not commit order. The events of a batch are appended together
 * when the batch commits, in the same transaction as the processor's token: a leaf index is assigned exactly once.
 */
@Component
@ProcessingGroup(LedgerProjection.NAME)
class LedgerProjection {
    static final String NAME = "ledger";
    private static final String BATCH = LedgerProjection.class.getName() + ".batch";

    private final LedgerTree tree;

    LedgerProjection(LedgerTree tree) {
        this.tree = tree;
    }

    @EventHandler
    void on(EventMessage<?> event, TrackingToken token) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Batch batch = unitOfWork.getOrComputeResource(BATCH, key -> {
            Batch started = new Batch();
            unitOfWork.onPrepareCommit(u -> tree.append(started.ids, started.first, started.last));
            return started;
        });
        batch.ids.add(event.getIdentifier());
        token.position().ifPresent(position -> {
            batch.first = Math.min(batch.first, position);
            batch.last = Math.max(batch.last, position);
        });
    }

    /** The events of a batch, and the range of their tokens' positions (empty, first > last, if none had one). */
    private static final class Batch {
        final List<String> ids = new ArrayList<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
    }

    /**
     * A rebuild must not rewrite the ledger: signed checkpoints cover its leaves. The rows stay, and the replay only
     * logs events that have no leaf yet (see {@link LedgerTree#append}).
     */
    @ResetHandler
    void reset() {
        // nothing to delete
    }
}
