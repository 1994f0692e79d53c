package vn.hdnd.ledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path dir;

    @Test
    void helpPrintsUsageAndSucceeds() {
        Run run = Run.of("--help");
        assertThat(run.exitCode()).isEqualTo(Main.OK);
        assertThat(run.out()).contains("Usage:").contains("log --export").contains("Exit codes");
    }

    @Test
    void noArgumentsIsAUsageError() {
        Run run = Run.of();
        assertThat(run.exitCode()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("Usage:");
    }

    @Test
    void unknownCommandsAndOptionsAreUsageErrors() {
        assertThat(Run.of("audit").exitCode()).isEqualTo(Main.USAGE);
        assertThat(Run.of("log", "--exports", "x").exitCode()).isEqualTo(Main.USAGE);
        assertThat(Run.of("log", "--export").exitCode()).isEqualTo(Main.USAGE);
        Run missing = Run.of("receipt", "--key", "log.pub");
        assertThat(missing.exitCode()).isEqualTo(Main.USAGE);
        assertThat(missing.err()).contains("missing option --receipt");
    }

    @Test
    void unreadableInputsAreUsageErrors() {
        LedgerFixture log = new LedgerFixture(dir, 3);
        Path key = log.keyFile();
        Path checkpoint = log.checkpointFile(3);
        Path export = log.export();

        Run noFile = Run.of("log", "--export", dir.resolve("nope.ndjson"), "--checkpoint", checkpoint, "--key", key);
        assertThat(noFile.exitCode()).isEqualTo(Main.USAGE);
        assertThat(noFile.err()).contains("cannot read");

        Path badKey = log.write("bad.pub", "not a key");
        Run run = Run.of("log", "--export", export, "--checkpoint", checkpoint, "--key", badKey);
        assertThat(run.exitCode()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("is not a verifier key");
    }

    @Test
    void optionsMayUseEqualsSigns() {
        LedgerFixture log = new LedgerFixture(dir, 5);
        Run run = Run.of("log", "--export=" + log.export(), "--checkpoint=" + log.checkpointFile(5),
                "--key=" + log.keyFile());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
    }
}
