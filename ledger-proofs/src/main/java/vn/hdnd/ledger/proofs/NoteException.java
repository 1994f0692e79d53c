package vn.hdnd.ledger.proofs;

/**
 * A signed note or checkpoint was refused: malformed, not signed by the expected key, or its signature is wrong.
 */
public final class NoteException extends Exception {

    private static final long serialVersionUID = 1L;

    public NoteException(String message) {
        super(message);
    }
}
