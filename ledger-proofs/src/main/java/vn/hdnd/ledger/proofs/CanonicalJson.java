package vn.hdnd.ledger.proofs;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The canonical bytes of a JSON value, after the JSON Canonicalization Scheme (JCS, RFC 8785), so that the same
 * payload hashes the same on the server and in any auditor's verifier, whatever whitespace, key order or escaping a
 * particular serializer chose.
 *
 * <p>The canonical form (RFC 8785 §3.2):
 * <ul>
 *   <li>no whitespace between tokens;</li>
 *   <li>object members sorted by key, comparing the keys as sequences of UTF-16 code units (§3.2.3), recursively;
 *       array order is kept;</li>
 *   <li>strings (§3.2.2.2) in double quotes; {@code "} and {@code \} escaped as {@code \"} and {@code \\};
 *       U+0008, U+0009, U+000A, U+000C, U+000D as {@code \b \t \n \f \r}; the other characters below U+0020 as
 *       {@code \}{@code u00hh} with lowercase hex; every other character, Vietnamese letters included, written as itself
 *       in UTF-8, never as a {@code \}{@code u} escape. Lone surrogates are rejected (JCS input must be I-JSON);</li>
 *   <li>{@code true}, {@code false}, {@code null} as literals;</li>
 *   <li>integers (JSON numbers that Jackson reads without fraction or exponent) as plain decimal digits with an
 *       optional minus sign. <b>Deviation from RFC 8785:</b> JCS would first round every number to an IEEE-754 double,
 *       which changes integers beyond ±2^53; event payloads carry Java {@code long}s, so the exact digits are kept.
 *       Within ±2^53 the output is identical to JCS;</li>
 *   <li>other numbers as the IEEE-754 double they denote, written the way ECMAScript's {@code Number.prototype.toString}
 *       writes it (§3.2.2.3): shortest round-tripping digits, plain notation for exponents in [-7, 21), otherwise
 *       {@code d.ddde+N} / {@code d.ddde-N}; {@code -0} becomes {@code 0}; NaN and infinities are rejected.</li>
 * </ul>
 * The result is encoded as UTF-8.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** The canonical UTF-8 bytes of {@code value}. */
    public static byte[] canonicalize(JsonNode value) {
        return canonicalString(value).getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical form as a Java string (before UTF-8 encoding). */
    public static String canonicalString(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(JsonNode value, StringBuilder out) {
        switch (value.getNodeType()) {
            case OBJECT -> writeObject(value, out);
            case ARRAY -> writeArray(value, out);
            case STRING -> writeString(value.textValue(), out);
            case NUMBER -> out.append(value.isIntegralNumber()
                    ? value.bigIntegerValue().toString()
                    : formatDouble(value.doubleValue()));
            case BOOLEAN -> out.append(value.booleanValue() ? "true" : "false");
            case NULL -> out.append("null");
            // Jackson writes binary values as standard base64 strings; canonicalize what would be written.
            case BINARY -> writeString(Base64.getEncoder().encodeToString(binary(value)), out);
            default -> throw new IllegalArgumentException("not a JSON value: " + value.getNodeType());
        }
    }

    private static void writeObject(JsonNode object, StringBuilder out) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(object.properties());
        // RFC 8785 §3.2.3: sort by UTF-16 code units, which is exactly String.compareTo.
        members.sort(Map.Entry.comparingByKey());
        out.append('{');
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(members.get(i).getKey(), out);
            out.append(':');
            write(members.get(i).getValue(), out);
        }
        out.append('}');
    }

    private static void writeArray(JsonNode array, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < array.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(array.get(i), out);
        }
        out.append(']');
    }

    /** RFC 8785 §3.2.2.2. */
    private static void writeString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c)
                            && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new IllegalArgumentException(
                                "lone surrogate U+" + Integer.toHexString(c).toUpperCase() + " at index " + i
                                        + ": canonical JSON must be valid Unicode (RFC 8785 §3.2.2.2, I-JSON)");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * A double as ECMAScript's {@code Number.prototype.toString} writes it (ECMA-262 Number::toString, required by RFC
     * 8785 §3.2.2.3): the fewest significant digits that read back as the same double, the closest such value if
     * several exist (ties to even), in plain notation when the decimal exponent n satisfies -6 &lt; n &lt;= 21 and in
     * exponent notation otherwise.
     *
     * <p>Implemented with {@link BigDecimal} rather than {@link Double#toString(double)}, which before Java 19 does not
     * always return the shortest digits.
     */
    public static String formatDouble(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(value + " has no JSON form (RFC 8785 §3.2.2.3)");
        }
        if (value == 0) {
            return "0";
        }
        if (value < 0) {
            return "-" + formatDouble(-value);
        }
        BigDecimal shortest = shortestDecimal(value).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale();
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        int exponent = n - 1;
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }

    private static BigDecimal shortestDecimal(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (nearest.doubleValue() == value) {
                return nearest;
            }
            // Just above a power of two the rounding interval is lopsided: the nearest candidate can miss while the
            // one on the other side still reads back as the same double.
            for (RoundingMode side : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal candidate = exact.round(new MathContext(precision, side));
                if (candidate.doubleValue() == value) {
                    return candidate;
                }
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }

    private static byte[] binary(JsonNode value) {
        try {
            return value.binaryValue();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("unreadable binary JSON value", e);
        }
    }
}
