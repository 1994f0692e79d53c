package vn.hdnd.query.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hdnd.ledger.proofs.CheckpointSigner;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the checkpoint signing key comes from: a configured file that must exist, or the default created once. */
class LedgerKeysTest {
    private static final String ORIGIN = "council-record.local/ledger";

    @Test
    void aConfiguredKeyFileThatDoesNotExistFailsStartUpNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("keys/ledger.key");
        LedgerProperties properties = new LedgerProperties(missing.toString(), ORIGIN, null, null);

        assertThatThrownBy(() -> LedgerKeys.load(properties))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("council.ledger.key-file")
                .hasMessageContaining(missing.toAbsolutePath().toString())
                .hasMessageContaining("does not exist");
        // Nothing is created in its place: a new key there would be a second identity of the log.
        assertThat(missing).doesNotExist();
        assertThat(dir.resolve("keys")).doesNotExist();
    }

    @Test
    void aConfiguredKeyFileIsTheKeyThatSigns(@TempDir Path dir) throws Exception {
        CheckpointSigner made = CheckpointSigner.generate(ORIGIN);
        Path file = Files.writeString(dir.resolve("ledger.key"), made.keyFile() + "\n", StandardCharsets.UTF_8);

        CheckpointSigner loaded = LedgerKeys.load(new LedgerProperties(file.toString(), ORIGIN, null, null));

        assertThat(loaded.verifierKey().format()).isEqualTo(made.verifierKey().format());
    }

    @Test
    void aConfiguredFileThatIsNotAKeyFailsClearly(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("ledger.key"), "not a key\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> LedgerKeys.load(new LedgerProperties(file.toString(), ORIGIN, null, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("is not a signer key file");
    }

    @Test
    void theDefaultIsCreatedOnceOwnerOnlyAndTheSameKeyIsLoadedOnTheNextStart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/ledger-signing.key");

        CheckpointSigner first = LedgerKeys.loadOrCreate(file, ORIGIN);

        assertThat(file).isRegularFile();
        String written = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(written).startsWith("PRIVATE+KEY+" + ORIGIN + "+");
        assertThat(first.name()).isEqualTo(ORIGIN);
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            assertThat(Files.getPosixFilePermissions(file))
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
        // No temporary file is left beside it.
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }

        CheckpointSigner second = LedgerKeys.loadOrCreate(file, ORIGIN);

        assertThat(second.verifierKey().format()).isEqualTo(first.verifierKey().format());
        assertThat(second.keyFile()).isEqualTo(first.keyFile());
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(written);
    }
}
