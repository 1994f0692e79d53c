package vn.hdnd.ledger.verifier;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The auditor's offline verifier. It trusts nothing but the log's public key given on the command line: no server, no
 * database, no network.
 *
 * <p>Exit codes: {@value #OK} verified, {@value #FAILED} verification failed, {@value #USAGE} bad usage or unreadable
 * input.
 */
public final class Main {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    static final String USAGE_TEXT = """
            Usage:
              java -jar ledger-verifier.jar log --export events.ndjson --checkpoint checkpoint.txt --key log.pub
                  Recompute every leaf of an event export and the root of the signed checkpoint.
              java -jar ledger-verifier.jar receipt --receipt receipt.json --key log.pub
                  Check that one event is in the signed log (inclusion proof).
              java -jar ledger-verifier.jar consistency --old old-checkpoint.txt --new new-checkpoint.txt \\
                  --proof proof.json --key log.pub
                  Check that the newer checkpoint extends the older one (consistency proof).
              java -jar ledger-verifier.jar --help

            log.pub holds the log's verifier key (name+keyid+base64), as published at /api/v1/ledger/public-key;
            obtain it from a source you trust, not only from the server being audited.

            Exit codes: 0 verified, 1 verification failed, 2 usage error or unreadable input.
            """;

    private final PrintStream out;
    private final PrintStream err;

    public Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(new Main(out, err).run(args));
    }

    /** Runs one command and returns its exit code; never calls {@link System#exit}. */
    public int run(String... args) {
        List<String> arguments = Arrays.asList(args);
        if (arguments.contains("--help") || arguments.contains("-h")
                || (!arguments.isEmpty() && arguments.get(0).equals("help"))) {
            out.print(USAGE_TEXT);
            return OK;
        }
        if (arguments.isEmpty()) {
            err.print(USAGE_TEXT);
            return USAGE;
        }
        String command = arguments.get(0);
        List<String> rest = arguments.subList(1, arguments.size());
        try {
            switch (command) {
                case "log" -> LogCommand.run(Options.parse(rest, LogCommand.OPTIONS), out);
                case "receipt" -> ReceiptCommand.run(Options.parse(rest, ReceiptCommand.OPTIONS), out);
                case "consistency" -> ConsistencyCommand.run(Options.parse(rest, ConsistencyCommand.OPTIONS), out);
                default -> throw new InputException("unknown command '" + command + "'");
            }
            return OK;
        } catch (VerificationFailure e) {
            err.println("FAILED: " + e.getMessage());
            return FAILED;
        } catch (InputException e) {
            err.println("ERROR: " + e.getMessage());
            err.println("Run with --help for usage.");
            return USAGE;
        }
    }
}
