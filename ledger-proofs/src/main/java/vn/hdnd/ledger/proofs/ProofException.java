package vn.hdnd.ledger.proofs;

/**
 * A Merkle proof did not verify. The message says which rule failed, in words an auditor can act on.
 */
public final class ProofException extends Exception {

    private static final long serialVersionUID = 1L;

    public ProofException(String message) {
        super(message);
    }
}
