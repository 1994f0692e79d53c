/**
 * The ledger's proof machinery, shared by the server and the offline verifier so that both compute exactly the same
 * bytes.
 *
 * <ul>
 *   <li>{@link vn.hdnd.ledger.proofs.LedgerLeaf} and {@link vn.hdnd.ledger.proofs.CanonicalJson}: what a leaf commits
 *       to.</li>
 *   <li>{@link vn.hdnd.ledger.proofs.TreeHasher}, {@link vn.hdnd.ledger.proofs.MerkleTree},
 *       {@link vn.hdnd.ledger.proofs.TreeAppender}, {@link vn.hdnd.ledger.proofs.ProofVerifier}: the RFC 9162 Merkle
 *       tree, its proofs and their verification.</li>
 *   <li>{@link vn.hdnd.ledger.proofs.Checkpoint}, {@link vn.hdnd.ledger.proofs.SignedNote},
 *       {@link vn.hdnd.ledger.proofs.CheckpointSigner}, {@link vn.hdnd.ledger.proofs.VerifierKey}: C2SP signed-note
 *       checkpoints with Ed25519.</li>
 * </ul>
 *
 * <p>Pure functions over bytes: no Spring, no database, no files, no clock.
 */
package vn.hdnd.ledger.proofs;
