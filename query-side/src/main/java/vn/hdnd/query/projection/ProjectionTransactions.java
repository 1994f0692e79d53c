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

/**
 * The settings of a projection batch's transaction (PostgreSQL only), set by its first statement.
 *
 * <p>Plans reused: elsewhere every execution is planned ({@code PostgresPlanCache}), against generic plans made while a
 * table was small that a fast-growing table outlives. A batch only inserts rows, updates them by key and stores its
 * token, so it reuses its statements' plans ({@code plan_cache_mode = auto}), and with sequential scans off a plan
 * made on a small table still uses the key. Planning the token's update and the views' inserts was a tenth of
 * PostgreSQL's time under the command mix ({@code pg_stat_statements}).
 *
 * <p>The views, every processor but the ledger, commit without waiting for the write-ahead log to reach the disk
 * ({@code synchronous_commit = off}). A view and its token are written in one transaction, so a crash can only lose
 * the last few whole batches, and the processor then processes those events again from its older token: the view is
 * derived data, rebuilt exactly. Every event makes each projection commit, several times as many commits as the
 * commands make, and waiting for each flush cost the commands' own commits their disk and CPU. The ledger's leaf order
 * is what signed checkpoints commit to, and it must not be redone differently; commands always commit durably.
 */
@Component
class ProjectionTransactions implements ConfigurerModule {
    /** The one processor that is not a derived view. */
    private static final String LEDGER = "ledger";
    private static final String PLANS_REUSED =
            "SELECT set_config('plan_cache_mode', 'auto', true), set_config('enable_seqscan', 'off', true)";
    private static final String APPLIED = ProjectionTransactions.class.getName();

    private final JdbcClient jdbc;
    private final boolean postgres;

    ProjectionTransactions(JdbcClient jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        this.postgres = Databases.isPostgres(dataSource);
    }

    @Override
    public void configureModule(org.axonframework.config.Configurer configurer) {
        if (!postgres) {
            return;
        }
        MessageHandlerInterceptor<EventMessage<?>> view =
                settings(PLANS_REUSED + ", set_config('synchronous_commit', 'off', true)");
        MessageHandlerInterceptor<EventMessage<?>> ledger = settings(PLANS_REUSED);
        configurer.eventProcessing().registerDefaultHandlerInterceptor(
                (config, name) -> LEDGER.equals(name) ? ledger : view);
    }

    /** An interceptor that runs {@code sql} once per batch: the settings hold until the batch's transaction ends. */
    private MessageHandlerInterceptor<EventMessage<?>> settings(String sql) {
        return (UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) -> {
            unitOfWork.root().resources().computeIfAbsent(APPLIED, key -> {
                jdbc.sql(sql).query().singleRow();
                return Boolean.TRUE;
            });
            return chain.proceed();
        };
    }
}
