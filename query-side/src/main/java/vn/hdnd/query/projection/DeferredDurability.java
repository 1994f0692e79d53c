package vn.hdnd.query.projection;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.hdnd.query.support.Databases;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.Set;

/**
 * Projection batches commit without waiting for the write-ahead log to reach the disk ({@code synchronous_commit =
 * off}, PostgreSQL only). A view and its token are written in one transaction, so a crash can only lose the last few
 * whole batches, and the processor then processes those events again from its older token: the view is derived data,
 * rebuilt exactly. Every event makes each projection commit, several times as many commits as the commands make, and
 * waiting for each flush cost the commands' own commits their disk and CPU.
 *
 * <p>Not the ledger: its leaf order is what signed checkpoints commit to, and it must not be redone differently.
 * Commands always commit durably.
 */
@Component
class DeferredDurability implements ConfigurerModule {
    /** The derived views. */
    static final Set<String> VIEWS = Set.of("councils", "sessions", "resolutions", "oversight");
    private static final String APPLIED = DeferredDurability.class.getName();

    private final JdbcClient jdbc;
    private final boolean postgres;

    DeferredDurability(JdbcClient jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        this.postgres = Databases.isPostgres(dataSource);
    }

    @Override
    public void configureModule(org.axonframework.config.Configurer configurer) {
        if (!postgres) {
            return;
        }
        MessageHandlerInterceptor<EventMessage<?>> asyncCommit = this::handle;
        VIEWS.forEach(view -> configurer.eventProcessing().registerHandlerInterceptor(view, config -> asyncCommit));
    }

    private Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        // Once per batch: the setting holds until the batch's transaction ends.
        unitOfWork.root().resources().computeIfAbsent(APPLIED, key -> {
            jdbc.sql("SET LOCAL synchronous_commit TO OFF").update();
            return Boolean.TRUE;
        });
        return chain.proceed();
    }
}
