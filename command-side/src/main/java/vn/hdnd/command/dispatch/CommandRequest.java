package vn.hdnd.command.dispatch;

import org.springframework.security.core.Authentication;

/**
 * What every command request carries besides its body: the user, the {@code If-Match} version, the
 * {@code Idempotency-Key} and the request line (part of the idempotency fingerprint). Resolved from the HTTP request
 * by {@link CommandRequestResolver}.
 */
public record CommandRequest(Authentication user, Long expectedVersion, String idempotencyKey, String method,
                             String path) {
}
