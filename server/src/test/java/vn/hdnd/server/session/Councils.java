package vn.hdnd.server.session;

import vn.hdnd.server.support.Api;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Sets councils, sessions and votes up through the command API for the session tests. */
final class Councils {
    private final Api admin;

    Councils(Api admin) {
        this.admin = admin;
    }

    /** A council of the 2021-2026 term with delegates {@code <id>-d1..dN} seated on 1 June 2021. */
    void council(String id, String parentId, String tier, int delegates) {
        Map<String, Object> body = new HashMap<>(Map.of("id", id, "name", "HĐND " + id, "tier", tier,
                "establishedOn", "2008-08-01"));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        created(admin.post("/api/v1/councils", body));
        created(admin.post("/api/v1/councils/" + id + "/terms",
                Map.of("term", "2021-2026", "seats", Math.max(delegates, 1), "startsOn", "2021-05-23")));
        for (int i = 1; i <= delegates; i++) {
            created(admin.post("/api/v1/councils/" + id + "/delegates", Map.of("id", id + "-d" + i,
                    "fullName", "Trần Văn " + i, "fullTime", false, "seatedOn", "2021-06-01")));
        }
    }

    static List<String> delegates(String councilId, int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> councilId + "-d" + i).toList();
    }

    /** Schedules and convenes session {@code sessionId} of {@code councilId}. */
    void session(String councilId, String sessionId, int number, String on, List<String> present) {
        created(admin.post("/api/v1/councils/" + councilId + "/sessions", Map.of("id", sessionId, "number", number,
                "kind", "REGULAR", "scheduledFor", on)));
        ok(admin.post("/api/v1/sessions/" + sessionId + "/convene",
                Map.of("convenedOn", on, "presentDelegateIds", present)));
    }

    /** Tables a resolution motion whose text repeats its title; answers the tabling's answer. */
    Api.Response motion(String sessionId, String motionId, String title, List<String> amends, List<String> repeals) {
        return motion(sessionId, motionId, title, "Điều 1. " + title, amends, repeals);
    }

    Api.Response motion(String sessionId, String motionId, String title, String text, List<String> amends,
                        List<String> repeals) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("id", motionId, "title", title, "kind", "RESOLUTION",
                "text", text));
        if (amends != null) {
            body.put("amends", amends);
        }
        if (repeals != null) {
            body.put("repeals", repeals);
        }
        return created(admin.post("/api/v1/sessions/" + sessionId + "/motions", body));
    }

    Api.Response vote(String sessionId, String motionId, int yes, int no, int abstain, String on) {
        return admin.post("/api/v1/sessions/" + sessionId + "/motions/" + motionId + "/vote",
                Map.of("yes", yes, "no", no, "abstain", abstain, "votedOn", on));
    }

    /** Tables and adopts a resolution; answers the vote's answer. */
    Api.Response adopt(String sessionId, String motionId, String title, int yes, String on, List<String> amends,
                       List<String> repeals) {
        motion(sessionId, motionId, title, amends, repeals);
        return created(vote(sessionId, motionId, yes, 0, 0, on));
    }

    static Api.Response created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    static Api.Response ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }
}
