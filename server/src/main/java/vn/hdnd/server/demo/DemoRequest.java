package vn.hdnd.server.demo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One command request of the demo data set: to be sent as {@code POST path} with {@code body} as its JSON body and
 * {@code idempotencyKey} as its {@code Idempotency-Key} header.
 *
 * <p>The body keeps its insertion order (a read-only view of a {@link LinkedHashMap}) and may hold {@code null}
 * values, which are meant to be sent as JSON {@code null} (e.g. {@code parentId} of the city, {@code committeeId} of a
 * chair). The key is stable across runs, so re-running a loader appends nothing.
 *
 * @param path           the request path, e.g. {@code /api/v1/councils/vn-hn/delegates}
 * @param body           the JSON body: field name to a {@code String}, {@code Integer}, {@code Boolean} or {@code null}
 *                       (the oversight and session requests also carry lists of those, and lists of such objects)
 * @param idempotencyKey the {@code Idempotency-Key}, e.g. {@code demo-hanoi-2021:vn-hn:delegate:d07}
 */
public record DemoRequest(String path, Map<String, Object> body, String idempotencyKey) {

    public DemoRequest {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        body = Collections.unmodifiableMap(new LinkedHashMap<>(body));
    }
}
