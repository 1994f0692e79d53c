package vn.hdnd.ledger.verifier;

/** Bad usage, or an input that cannot be read or parsed: exit code 2. Nothing was verified. */
final class InputException extends Exception {

    private static final long serialVersionUID = 1L;

    InputException(String message) {
        super(message);
    }

    InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
