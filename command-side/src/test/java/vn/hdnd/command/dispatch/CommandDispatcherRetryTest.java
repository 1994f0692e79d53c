package vn.hdnd.command.dispatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A concurrent append (PostgreSQL's duplicate key, seen as a {@link ConcurrencyException}) is retried, each attempt
 * in a transaction of its own, at most {@link CommandDispatcher#MAX_ATTEMPTS} times, then answered 409. On
 * PostgreSQL the aggregate locks queue concurrent commands, so no end-to-end test reaches this path.
 */
class CommandDispatcherRetryTest {
    private final CommandGateway commands = mock(CommandGateway.class);
    private final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
    private final JdbcClient jdbc = mock(JdbcClient.class, RETURNS_DEEP_STUBS);
    private final AggregateLocks locks = mock(AggregateLocks.class);
    private final GroupCommit groupCommit = new GroupCommit(new TransactionTemplate(transactions), locks, 1, 32);
    private final CommandDispatcher dispatcher = new CommandDispatcher(commands, groupCommit,
            mock(IdempotencyStore.class), jdbc, new ObjectMapper(), locks);

    @AfterEach
    void stopLanes() throws InterruptedException {
        groupCommit.destroy();
    }

    private final CommandRequest request = new CommandRequest(
            new TestingAuthenticationToken("admin", null, CouncilScopes.ROLE_ADMIN), null, null, "POST",
            "/api/v1/councils/vn-x/terms");

    private ResponseEntity<CommandResult> dispatch() {
        return dispatcher.dispatch(request, CommandDispatcher.Target.council("vn-x"), Map.of("term", "2021-2026"),
                null, version -> "open term");
    }

    @Test
    void aCommandThatKeepsConflictingIsTriedMaxAttemptsTimesThenAnswers409() {
        doThrow(new ConcurrencyException("duplicate key (vn-x, 3)")).when(commands).sendAndWait(any());

        ErrorResponseException problem = catchThrowableOfType(ErrorResponseException.class, this::dispatch);

        assertThat(problem).as("a 409 problem").isNotNull();
        assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(problem.getBody().getType()).hasToString("urn:hdnd:problem:concurrent-modification");
        verify(commands, times(CommandDispatcher.MAX_ATTEMPTS)).sendAndWait(any());
        // Every attempt ran in a transaction of its own, rolled back.
        verify(transactions, times(CommandDispatcher.MAX_ATTEMPTS)).rollback(any());
    }

    @Test
    void aCommandThatConflictsTwiceSucceedsOnItsThirdAttempt() {
        when(commands.sendAndWait(any()))
                .thenThrow(new ConcurrencyException("duplicate key (vn-x, 3)"))
                .thenThrow(new ConcurrencyException("duplicate key (vn-x, 4)"))
                .thenReturn(null);
        when(jdbc.sql(anyString()).param(anyString(), any()).query(any(RowMapper.class)).single())
                .thenReturn(new CommandResult("vn-x", 5, 42));

        ResponseEntity<CommandResult> answer = dispatch();

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).isEqualTo(new CommandResult("vn-x", 5, 42));
        assertThat(answer.getHeaders().getETag()).isEqualTo("\"5\"");
        verify(commands, times(3)).sendAndWait(any());
        verify(transactions, times(2)).rollback(any());
        verify(transactions, times(1)).commit(any());
    }
}
