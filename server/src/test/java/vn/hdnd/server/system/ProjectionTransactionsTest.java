package vn.hdnd.server.system;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hdnd.server.support.PostgresTest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A projection batch's transaction reuses its plans; the derived views commit without waiting for the disk, the
 * ledger, whose order checkpoints sign, never does. Checked by running each processor's own interceptors around a
 * handler that reads the transaction's settings.
 */
@PostgresTest
class ProjectionTransactionsTest {
    private static final List<String> SETTINGS = List.of("plan_cache_mode", "enable_seqscan", "synchronous_commit");

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void batchesReusePlansAndOnlyTheViewsDeferTheirCommits() {
        assertThat(processing.eventProcessors()).containsOnlyKeys("councils", "sessions", "resolutions", "oversight",
                "ledger");
        processing.eventProcessors().forEach((name, processor) -> assertThat(
                settingsInBatch(processor.getHandlerInterceptors()))
                .as(name)
                .containsEntry("plan_cache_mode", "auto")
                .containsEntry("enable_seqscan", "off")
                .containsEntry("synchronous_commit", name.equals("ledger") ? "on" : "off"));
    }

    @Test
    void theSettingsEndWithTheBatch() {
        settingsInBatch(processing.eventProcessors().get("councils").getHandlerInterceptors());
        Map<String, String> after = new TransactionTemplate(transactions).execute(status -> settings());
        assertThat(after)
                .containsEntry("plan_cache_mode", "force_custom_plan")
                .containsEntry("enable_seqscan", "on")
                .containsEntry("synchronous_commit", "on");
    }

    private Map<String, String> settingsInBatch(
            List<org.axonframework.messaging.MessageHandlerInterceptor<? super EventMessage<?>>> interceptors) {
        return new TransactionTemplate(transactions).execute(status -> {
            DefaultUnitOfWork<EventMessage<?>> batch =
                    DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("an event"));
            MessageHandler<EventMessage<?>> handler = event -> settings();
            try {
                @SuppressWarnings("unchecked")
                Map<String, String> seen = (Map<String, String>) batch.executeWithResult(
                        () -> new DefaultInterceptorChain<>(batch, interceptors, handler).proceed()).getPayload();
                return seen;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Map<String, String> settings() {
        Map<String, String> settings = new TreeMap<>();
        SETTINGS.forEach(setting -> settings.put(setting,
                jdbc.sql("SELECT current_setting('" + setting + "')").query(String.class).single()));
        return settings;
    }
}
