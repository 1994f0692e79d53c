package vn.hdnd.server.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import vn.hdnd.ledger.proofs.Checkpoint;
import vn.hdnd.ledger.proofs.NoteException;
import vn.hdnd.ledger.proofs.VerifierKey;
import vn.hdnd.ledger.verifier.Main;
import vn.hdnd.server.support.Api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What an auditor does with the API: download the export, checkpoints and receipts, and run the offline verifier. */
final class Ledger {
    static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Api api;

    Ledger(Api api) {
        this.api = api;
    }

    /** One run of the verifier jar's Main, in-process. */
    record Verdict(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n" + out + err;
        }
    }

    static Verdict verify(Object... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] strings = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = args[i].toString();
        }
        int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(strings);
        return new Verdict(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    String publicKey() {
        Api.Response key = api.get("/api/v1/ledger/public-key");
        assertThat(key.status()).as(key.toString()).isEqualTo(200);
        return key.text();
    }

    VerifierKey verifierKey() {
        return VerifierKey.parse(publicKey());
    }

    String checkpoint() {
        Api.Response checkpoint = api.get("/api/v1/ledger/checkpoint");
        assertThat(checkpoint.status()).as(checkpoint.toString()).isEqualTo(200);
        return checkpoint.text();
    }

    Checkpoint open(String note) {
        try {
            return Checkpoint.verify(note, verifierKey());
        } catch (NoteException e) {
            throw new AssertionError(e);
        }
    }

    /** The receipt for a command answer's position; it waits until a checkpoint covers the event. */
    JsonNode receipt(long position) {
        Api.Response receipt = api.get("/api/v1/ledger/receipts?position=" + position);
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(200);
        return receipt.json();
    }

    /** The latest checkpoint once it covers the event at {@code position}. */
    String checkpointCovering(long position) {
        long leaf = receipt(position).path("leafIndex").asLong();
        String note = checkpoint();
        assertThat(open(note).treeSize()).isGreaterThan(leaf);
        return note;
    }

    String export(Api as) {
        Api.Response export = as.header("Accept", "application/x-ndjson").get("/api/v1/audit/events");
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        return export.text();
    }

    static List<JsonNode> lines(String ndjson) {
        List<JsonNode> events = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            if (!line.isBlank()) {
                try {
                    events.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return events;
    }

    static Path write(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path dir, String name, JsonNode json) {
        try {
            return write(dir, name, JSON.writeValueAsString(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A province council with a term and delegates; returns the last command answer's position. */
    static long council(Api admin, String id, int delegates) {
        assertThat(admin.post("/api/v1/councils", Map.of("id", id, "name", "HĐND tỉnh " + id,
                "tier", "PROVINCE", "establishedOn", "2008-08-01")).status()).isEqualTo(201);
        Api.Response term = admin.post("/api/v1/councils/" + id + "/terms",
                Map.of("term", "2021-2026", "seats", 50, "startsOn", "2021-05-23"));
        assertThat(term.status()).as(term.toString()).isEqualTo(201);
        long position = term.position();
        for (int i = 1; i <= delegates; i++) {
            position = seat(admin, id, id + "-d" + i, "2021-06-01");
        }
        return position;
    }

    static long seat(Api admin, String council, String delegate, String seatedOn) {
        Api.Response seated = admin.post("/api/v1/councils/" + council + "/delegates", Map.of(
                "id", delegate, "fullName", "Trần Thị Hằng " + delegate, "fullTime", false,
                "constituency", "Đơn vị bầu cử số 2", "seatedOn", seatedOn, "reason", "Nghị quyết xác nhận tư cách"));
        assertThat(seated.status()).as(seated.toString()).isEqualTo(201);
        return seated.position();
    }
}
