package vn.hdnd.ledger.verifier;

/** The evidence does not hold up: exit code 1. The message names what failed and, where possible, where. */
final class VerificationFailure extends Exception {

    private static final long serialVersionUID = 1L;

    VerificationFailure(String message) {
        super(message);
    }
}
