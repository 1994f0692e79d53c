package vn.hdnd.query.resolution;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text as the search sees it. Stored text and queries are normalised to NFC (so NFD input matches), then
 * either lower-cased with their diacritics (what the user typed) or folded: decomposed, combining marks stripped,
 * {@code đ} to {@code d}, lower-cased (what matches regardless of diacritics). "Nghị quyết … đất đai" folds to
 * "nghi quyet … dat dai".
 */
final class VietnameseText {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Anything but letters, combining marks and digits separates tokens. */
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");

    private VietnameseText() {
    }

    static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** NFC, lower case, diacritics kept: "Đất Đai" to "đất đai". */
    static String lower(String s) {
        return nfc(nfc(s).toLowerCase(Locale.ROOT));
    }

    /** Diacritics and case folded away: "Đất Đai" to "dat dai"; NFC and NFD input fold alike. */
    static String fold(String s) {
        String stripped = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        return stripped.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
    }

    /** The words of a text (lower-cased, diacritics kept), in order. */
    static List<String> words(String s) {
        return Arrays.stream(SEPARATORS.split(lower(s))).filter(w -> !w.isEmpty()).toList();
    }
}
