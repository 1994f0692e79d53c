package vn.hdnd.ledger.verifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import vn.hdnd.ledger.proofs.Checkpoint;
import vn.hdnd.ledger.proofs.CheckpointSigner;
import vn.hdnd.ledger.proofs.InMemoryTree;
import vn.hdnd.ledger.proofs.LedgerLeaf;

/**
 * A small signed log built in-process with ledger-proofs, written out in exactly the formats the server produces:
 * NDJSON export, signed checkpoint, verifier key, receipts and consistency proofs.
 */
final class LedgerFixture {

    static final String ORIGIN = "hdnd.vn/ledger/test";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TYPES = {"CouncilEstablished", "DelegateElected", "ResolutionAdopted"};

    final Path dir;
    final CheckpointSigner signer = CheckpointSigner.generate(ORIGIN);
    final List<ObjectNode> events = new ArrayList<>();
    final InMemoryTree tree = new InMemoryTree();

    LedgerFixture(Path dir, int size) {
        this.dir = dir;
        Map<String, Long> sequences = new HashMap<>();
        Instant start = Instant.parse("2021-05-23T01:00:00Z");
        for (int i = 0; i < size; i++) {
            String aggregateId = "council-" + (i % 7);
            long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
            ObjectNode payload = JSON.createObjectNode();
            payload.put("name", "Hội đồng nhân dân phường Điện Biên " + i);
            payload.put("seats", 25 + i);
            payload.put("turnout", 0.5 + i / 128.0);
            payload.put("ratio", i * 0.1);
            payload.putArray("tags").add("khóa XVI").add(i);
            ObjectNode event = JSON.createObjectNode();
            event.put("leafIndex", i);
            event.put("position", 3L * i + 1);
            event.put("eventId", String.format("evt-%03d", i));
            event.put("aggregateId", aggregateId);
            event.put("aggregateType", "Council");
            event.put("sequence", sequence);
            event.put("type", TYPES[i % TYPES.length]);
            event.put("recordedAt", start.plus(Duration.ofMinutes(i)).plusNanos(i * 1000L).toString());
            event.set("payload", payload);
            event.putObject("metadata").put("actor", "thu-ky-" + (i % 3));
            byte[] leafHash = leaf(event).leafHash();
            event.put("leafHash", Base64.getEncoder().encodeToString(leafHash));
            events.add(event);
            tree.append(leafHash);
        }
    }

    static LedgerLeaf leaf(ObjectNode event) {
        return LedgerLeaf.of(event.get("eventId").asText(), event.get("aggregateId").asText(),
                event.get("sequence").asLong(), event.get("type").asText(),
                Instant.parse(event.get("recordedAt").asText()), event.get("payload"));
    }

    String note(long size) {
        return signer.sign(new Checkpoint(ORIGIN, size, tree.rootHash(size)));
    }

    Path keyFile() {
        return write("log.pub", signer.verifierKey().format() + "\n");
    }

    Path checkpointFile(long size) {
        return write("checkpoint-" + size + ".txt", note(size));
    }

    /** The export as the server writes it, one JSON object per line. */
    Path export() {
        return export(events);
    }

    Path export(List<ObjectNode> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(event -> text.append(event.toString()).append('\n'));
        return write("events.ndjson", text.toString());
    }

    /** A deep copy of the events, to tamper with. */
    List<ObjectNode> copyOfEvents() {
        List<ObjectNode> copy = new ArrayList<>();
        events.forEach(event -> copy.add(event.deepCopy()));
        return copy;
    }

    ObjectNode receipt(int leafIndex, long treeSize) {
        ObjectNode receipt = JSON.createObjectNode();
        receipt.put("leafIndex", leafIndex);
        receipt.put("treeSize", treeSize);
        tree.inclusionProof(leafIndex, treeSize)
                .forEach(hash -> receipt.withArray("hashes").add(Base64.getEncoder().encodeToString(hash)));
        receipt.put("checkpoint", note(treeSize));
        receipt.set("event", events.get(leafIndex).deepCopy());
        return receipt;
    }

    ObjectNode consistencyProof(long from, long to) {
        ObjectNode proof = JSON.createObjectNode();
        proof.put("from", from);
        proof.put("to", to);
        proof.putArray("hashes");
        tree.consistencyProof(from, to)
                .forEach(hash -> proof.withArray("hashes").add(Base64.getEncoder().encodeToString(hash)));
        return proof;
    }

    Path json(String name, ObjectNode node, Consumer<ObjectNode> tamper) {
        ObjectNode copy = node.deepCopy();
        tamper.accept(copy);
        return write(name, copy.toString());
    }

    Path write(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
