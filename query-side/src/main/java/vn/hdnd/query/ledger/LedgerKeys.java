package vn.hdnd.query.ledger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hdnd.ledger.proofs.CheckpointSigner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where the checkpoint signing key comes from. A configured key file must exist: silently making a new key there would
 * give the log a second identity that auditors have not pinned. Without configuration the embedded default keeps the
 * key beside the embedded database and creates it on first start, the way the database itself is created.
 */
final class LedgerKeys {
    private static final Logger log = LoggerFactory.getLogger(LedgerKeys.class);

    private LedgerKeys() {
    }

    static CheckpointSigner load(LedgerProperties properties) {
        if (properties.keyFile() != null) {
            Path file = Path.of(properties.keyFile());
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("council.ledger.key-file " + file.toAbsolutePath()
                        + " does not exist; create one (see README, \"Audit and ledger\") or unset the property");
            }
            return announce(read(file), file, false, properties.origin());
        }
        return loadOrCreate(Path.of(LedgerProperties.DEFAULT_KEY_FILE), properties.origin());
    }

    /** Loads the key at {@code file}, or creates it; several processes starting at once end up with the same key. */
    static CheckpointSigner loadOrCreate(Path file, String origin) {
        if (Files.isRegularFile(file)) {
            return announce(read(file), file, false, origin);
        }
        CheckpointSigner fresh = CheckpointSigner.generate(origin);
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".ledger-signing", ".tmp");
            try {
                restrictToOwner(temporary);
                Files.writeString(temporary, fresh.keyFile() + "\n", StandardCharsets.UTF_8);
                // A hard link appears atomically and fails if the file exists: a concurrent start keeps the first key.
                link(file, temporary);
                return announce(fresh, file, true, origin);
            } catch (FileAlreadyExistsException e) {
                return announce(read(file), file, false, origin);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the ledger signing key " + file.toAbsolutePath(), e);
        }
    }

    private static void link(Path file, Path temporary) throws IOException {
        try {
            Files.createLink(file, temporary);
        } catch (UnsupportedOperationException e) {
            Files.move(temporary, file);
        }
    }

    private static CheckpointSigner read(Path file) {
        try {
            return CheckpointSigner.fromKeyFile(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ledger signing key " + file.toAbsolutePath(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the ledger signing key " + file.toAbsolutePath()
                    + " is not a signer key file: " + e.getMessage(), e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the directory's permissions protect the key.
        }
    }

    private static CheckpointSigner announce(CheckpointSigner signer, Path file, boolean created, String origin) {
        if (created) {
            log.warn("Created the ledger signing key {} (public key {}). Back it up, publish the public key, and set "
                    + "council.ledger.key-file in production.", file.toAbsolutePath(), signer.verifierKey().format());
        } else {
            log.info("Ledger checkpoints are signed with {} (public key {})", file.toAbsolutePath(),
                    signer.verifierKey().format());
        }
        if (!signer.name().equals(origin)) {
            log.warn("The ledger signing key is named {} but the checkpoints' origin is {}; auditors pin both",
                    signer.name(), origin);
        }
        return signer;
    }
}
