package vn.hdnd.ledger.proofs;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Signs and opens notes in the C2SP signed-note format (https://c2sp.org/signed-note).
 *
 * <p>A signed note is the text (ending in a newline), a blank line, then one or more signature lines
 * {@code "— <key name> <base64(4-byte key id || signature)>\n"}, where the dash is the em dash U+2014. The signature
 * is over the text's UTF-8 bytes, including its final newline and excluding the blank line.
 */
public final class SignedNote {

    /**
     * The most signature lines a note may carry. The spec asks verifiers to cap the count and to accept at least 16;
     * 20 also leaves room for witness cosignatures, and matches sigstore-java's limit.
     */
    public static final int MAX_SIGNATURES = 20;

    private static final String SIGNATURE_PREFIX = "\u2014 ";
    private static final int KEY_ID_SIZE = 4;

    private SignedNote() {
    }

    /**
     * The note {@code text + "\n" + signature line}. The text must end in a newline and contain no control character
     * other than newline.
     */
    public static String sign(String text, CheckpointSigner signer) {
        requireWellFormedText(text);
        byte[] signature = signer.sign(text.getBytes(StandardCharsets.UTF_8));
        byte[] keyIdAndSignature = ByteBuffer.allocate(KEY_ID_SIZE + signature.length)
                .putInt(signer.keyId()).put(signature).array();
        return text + "\n" + SIGNATURE_PREFIX + signer.name() + " "
                + Base64.getEncoder().encodeToString(keyIdAndSignature) + "\n";
    }

    /**
     * Opens a signed note with the one key the caller trusts and returns its text.
     *
     * <p>Signatures by other keys are ignored, as the spec requires (they may be witnesses' cosignatures). A signature
     * whose key name and key id both match {@code key} must verify, otherwise the whole note is refused; and at least
     * one such signature must be present.
     *
     * @throws NoteException if the note is malformed, has more than {@link #MAX_SIGNATURES} signatures, carries a bad
     *     signature from {@code key}, or no signature from {@code key} at all
     */
    public static String verify(String note, VerifierKey key) throws NoteException {
        if (note == null || note.isEmpty()) {
            throw new NoteException("the signed note is empty");
        }
        requireNoControlCharacters(note);
        // The text ends at the last blank line: everything after it is signatures.
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new NoteException("the note has no blank line before its signatures: it is not a signed note");
        }
        String text = note.substring(0, split + 1);
        String signatures = note.substring(split + 2);
        if (signatures.isEmpty() || !signatures.endsWith("\n")) {
            throw new NoteException("the note's signature block must be one or more lines, each ending in a newline");
        }
        String[] lines = signatures.substring(0, signatures.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new NoteException("the note has " + lines.length + " signatures, more than the " + MAX_SIGNATURES
                    + " accepted");
        }
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        boolean verified = false;
        for (String line : lines) {
            SignatureLine parsed = SignatureLine.parse(line);
            if (!parsed.name().equals(key.name()) || parsed.keyId() != key.keyId()) {
                continue; // unknown key: ignore (C2SP signed-note, "Signatures")
            }
            if (!key.verify(message, parsed.signature())) {
                throw new NoteException("the signature by " + key.name() + " (key id " + KeyNames.hex(key.keyId())
                        + ") does not match the note text: the note was altered or signed by another key");
            }
            verified = true;
        }
        if (!verified) {
            throw new NoteException("the note carries no signature by key " + key.name() + " (key id "
                    + KeyNames.hex(key.keyId()) + ")");
        }
        return text;
    }

    private static void requireWellFormedText(String text) {
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new IllegalArgumentException("a note text must end in a newline");
        }
        try {
            requireNoControlCharacters(text);
        } catch (NoteException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Signed notes are UTF-8 with no control character below U+0020 other than newline (C2SP signed-note). */
    private static void requireNoControlCharacters(String note) throws NoteException {
        for (int i = 0; i < note.length(); i++) {
            char c = note.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new NoteException("the note contains control character U+" + String.format("%04X", (int) c)
                        + " at offset " + i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < note.length() && Character.isLowSurrogate(note.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new NoteException("the note is not valid UTF-8 text (lone surrogate at offset " + i + ")");
            }
        }
    }

    /** One parsed signature line. */
    private record SignatureLine(String name, int keyId, byte[] signature) {

        static SignatureLine parse(String line) throws NoteException {
            if (!line.startsWith(SIGNATURE_PREFIX)) {
                throw new NoteException("a signature line must start with an em dash and a space: " + line);
            }
            String rest = line.substring(SIGNATURE_PREFIX.length());
            int space = rest.indexOf(' ');
            if (space <= 0 || rest.indexOf(' ', space + 1) >= 0) {
                throw new NoteException("a signature line is '— <key name> <base64 signature>': " + line);
            }
            String name = rest.substring(0, space);
            try {
                KeyNames.requireValid(name);
            } catch (IllegalArgumentException e) {
                throw new NoteException("bad key name in signature line: " + line);
            }
            byte[] decoded;
            try {
                decoded = VerifierKey.decodeBase64(rest.substring(space + 1));
            } catch (IllegalArgumentException e) {
                throw new NoteException("the signature is not standard base64: " + line);
            }
            if (decoded.length <= KEY_ID_SIZE) {
                throw new NoteException("the signature is too short to hold a key id and a signature: " + line);
            }
            int keyId = ByteBuffer.wrap(decoded, 0, KEY_ID_SIZE).getInt();
            return new SignatureLine(name, keyId, Arrays.copyOfRange(decoded, KEY_ID_SIZE, decoded.length));
        }
    }
}
