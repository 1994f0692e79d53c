package vn.hdnd.ledger.proofs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A tree head in the C2SP checkpoint format (https://c2sp.org/tlog-checkpoint): the note text
 * <pre>
 * &lt;origin&gt;
 * &lt;tree size, decimal, no leading zeros&gt;
 * &lt;root hash, standard base64&gt;
 * </pre>
 * each line ending in a newline. Signed as a {@link SignedNote}, it anchors the whole prefix of the log it describes
 * to the log's key.
 *
 * <p>The spec allows optional extension lines after the root; this log never writes them and, because they are not
 * auditable, {@link #parse(String)} refuses them rather than silently dropping signed text.
 */
public record Checkpoint(String origin, long treeSize, byte[] rootHash) {

    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        if (origin.isEmpty() || origin.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("the origin must be one non-empty line");
        }
        if (treeSize < 0) {
            throw new IllegalArgumentException("the tree size must not be negative: " + treeSize);
        }
        if (!TreeHasher.isHash(rootHash)) {
            throw new IllegalArgumentException("the root hash has " + TreeHasher.HASH_SIZE + " bytes");
        }
        rootHash = rootHash.clone();
    }

    /**
     * Opens a signed checkpoint with the log's key: verifies the note ({@link SignedNote#verify}) and parses its text.
     *
     * @throws NoteException if the signature is refused or the signed text is not a checkpoint
     */
    public static Checkpoint verify(String signedNote, VerifierKey key) throws NoteException {
        String text = SignedNote.verify(signedNote, key);
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new NoteException("the signed note is not a checkpoint: " + e.getMessage());
        }
    }

    /**
     * Parses the note text (not the signed note).
     *
     * @throws IllegalArgumentException if the text is not exactly a three-line checkpoint body
     */
    public static Checkpoint parse(String text) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("a checkpoint body ends in a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new IllegalArgumentException("a checkpoint body has three lines: origin, tree size and root hash");
        }
        if (lines.length > 3) {
            throw new IllegalArgumentException("this log's checkpoints have no extension lines");
        }
        return new Checkpoint(lines[0], parseTreeSize(lines[1]), parseRoot(lines[2]));
    }

    /** The note text: {@code origin\nsize\nbase64(root)\n}. */
    public String format() {
        return origin + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    /** The note text as UTF-8, the bytes the signature covers. */
    public byte[] formatBytes() {
        return format().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that
                && origin.equals(that.origin) && treeSize == that.treeSize && Arrays.equals(rootHash, that.rootHash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, treeSize) * 31 + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return "Checkpoint[origin=" + origin + ", treeSize=" + treeSize + ", rootHash="
                + HexFormat.of().formatHex(rootHash) + "]";
    }

    /** ASCII decimal without leading zeros, "0" for the empty tree (tlog-checkpoint, "Note text"). */
    private static long parseTreeSize(String line) {
        if (line.isEmpty() || line.length() > 19 || !line.chars().allMatch(c -> c >= '0' && c <= '9')
                || (line.length() > 1 && line.charAt(0) == '0')) {
            throw new IllegalArgumentException("the tree size must be a decimal number without leading zeros: " + line);
        }
        try {
            return Long.parseLong(line);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the tree size is too large: " + line, e);
        }
    }

    private static byte[] parseRoot(String line) {
        byte[] root = VerifierKey.decodeBase64(line);
        if (root.length != TreeHasher.HASH_SIZE) {
            throw new IllegalArgumentException("the root hash must be " + TreeHasher.HASH_SIZE + " bytes of base64");
        }
        return root;
    }
}
