package vn.hdnd.ledger.proofs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String canonical(String json) throws Exception {
        return new String(CanonicalJson.canonicalize(MAPPER.readTree(json)), StandardCharsets.UTF_8);
    }

    @Test
    void removesWhitespaceAndSortsKeysRecursively() throws Exception {
        assertThat(canonical("{ \"b\" : [ 1, { \"z\": null, \"a\": true } ], \"a\" : \"x\" }"))
                .isEqualTo("{\"a\":\"x\",\"b\":[1,{\"a\":true,\"z\":null}]}");
    }

    @Test
    void sortsKeysByUtf16CodeUnitsNotByLocale() throws Exception {
        // The sorting example of RFC 8785 §3.2.3: U+000D, "1", U+0080, U+00F6, U+20AC, U+1F600, U+FB33.
        String input = "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With"
                + " Dagesh\",\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\","
                + "\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}";
        assertThat(canonical(input)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
        // Vietnamese keys: "Đ" (U+0110) sorts after every ASCII letter, "ă" (U+0103) before it.
        assertThat(canonical("{\"Đại biểu\":1,\"ăn\":2,\"Zebra\":3,\"an\":4}"))
                .isEqualTo("{\"Zebra\":3,\"an\":4,\"ăn\":2,\"Đại biểu\":1}");
    }

    @Test
    void keepsVietnameseTextAsUtf8WithoutEscapes() throws Exception {
        String json = "{\"tên\":\"Hội đồng nhân dân thành phố Hà Nội\"}";
        byte[] bytes = CanonicalJson.canonicalize(MAPPER.readTree(json));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(json).doesNotContain("\\u");
        assertThat(bytes).isEqualTo(json.getBytes(StandardCharsets.UTF_8));
        // The same text written with \\u escapes canonicalizes to the same bytes.
        assertThat(canonical("{\"t\\u00ean\":\"H\\u1ed9i \\u0111\\u1ed3ng nh\\u00e2n d\\u00e2n th\\u00e0nh ph\\u1ed1"
                + " H\\u00e0 N\\u1ed9i\"}")).isEqualTo(json);
    }

    @Test
    void escapesOnlyWhatJcsEscapes() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("s", "quote \" backslash \\ slash / tab \t nl \n cr \r bs \b ff \f nul \u0000 us \u001f del \u007f");
        assertThat(CanonicalJson.canonicalString(node)).isEqualTo("{\"s\":\"quote \\\" backslash \\\\ slash / tab \\t"
                + " nl \\n cr \\r bs \\b ff \\f nul \\u0000 us \\u001f del \u007f\"}");
    }

    @Test
    void writesIntegersAsPlainDecimals() throws Exception {
        assertThat(canonical("[0, -0, 1, -1, 2147483648, 9007199254740993, -9223372036854775808,"
                + " 123456789012345678901234567890]"))
                .isEqualTo("[0,0,1,-1,2147483648,9007199254740993,-9223372036854775808,"
                        + "123456789012345678901234567890]");
    }

    @Test
    void writesNestedArraysAndLiterals() throws Exception {
        assertThat(canonical("[ [ ], [ [ 1 , [ \"a\" ] ] ], { }, true, false, null ]"))
                .isEqualTo("[[],[[1,[\"a\"]]],{},true,false,null]");
    }

    /** The number samples of RFC 8785 Appendix B (IEEE-754 bit patterns and their canonical form). */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0000000000000000, 0",
        "8000000000000000, 0",
        "0000000000000001, 5e-324",
        "8000000000000001, -5e-324",
        "7fefffffffffffff, 1.7976931348623157e+308",
        "ffefffffffffffff, -1.7976931348623157e+308",
        "4340000000000000, 9007199254740992",
        "c340000000000000, -9007199254740992",
        "4430000000000000, 295147905179352830000",
        "44b52d02c7e14af5, 9.999999999999997e+22",
        "44b52d02c7e14af6, 1e+23",
        "44b52d02c7e14af7, 1.0000000000000001e+23",
        "444b1ae4d6e2ef4e, 999999999999999700000",
        "444b1ae4d6e2ef4f, 999999999999999900000",
        "444b1ae4d6e2ef50, 1e+21",
        "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
        "3eb0c6f7a0b5ed8d, 0.000001",
        "41b3de4355555553, 333333333.3333332",
        "41b3de4355555554, 333333333.33333325",
        "41b3de4355555555, 333333333.3333333",
        "41b3de4355555556, 333333333.3333334",
        "41b3de4355555557, 333333333.33333343",
        "becbf647612f3696, -0.0000033333333333333333",
        "43143ff3c1cb0959, 1424953923781206.2"
    })
    void formatsDoublesLikeEcmascript(String bits, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
        assertThat(CanonicalJson.formatDouble(value)).isEqualTo(expected);
    }

    @Test
    void formatsEverydayFractions() throws Exception {
        assertThat(canonical("[0.1, 1.0, -2.50, 1e2, 1.5E-7, 0.000001, 123.456e3, 4.35, 5e-324]"))
                .isEqualTo("[0.1,1,-2.5,100,1.5e-7,0.000001,123456,4.35,5e-324]");
    }

    @Test
    void everyFormattedDoubleReadsBackAsTheSameDouble() {
        java.util.Random random = new java.util.Random(8785);
        for (int n = 0; n < 5_000; n++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(value)) {
                continue;
            }
            String text = CanonicalJson.formatDouble(value);
            assertThat(Double.parseDouble(text)).as(text).isEqualTo(value == 0 ? 0.0 : value);
            // Never longer than Java's own (round-tripping, possibly longer) representation.
            String javaDigits = Double.toString(Math.abs(value)).replaceAll("E.*", "").replace(".", "")
                    .replaceAll("^0+", "").replaceAll("0+$", "");
            String ourDigits = text.replace("-", "").replaceAll("e.*", "").replace(".", "")
                    .replaceAll("^0+", "").replaceAll("0+$", "");
            assertThat(ourDigits.length()).as(text).isLessThanOrEqualTo(javaDigits.length());
        }
    }

    @Test
    void refusesWhatJsonCannotCarry() {
        assertThatThrownBy(() -> CanonicalJson.formatDouble(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.formatDouble(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        JsonNode loneSurrogate = JsonNodeFactory.instance.textNode("bad \ud800 text");
        assertThatThrownBy(() -> CanonicalJson.canonicalize(loneSurrogate))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("surrogate");
    }

    @Test
    void payloadHashIgnoresFormattingButNotContent() throws Exception {
        byte[] compact = LedgerLeaf.canonicalPayloadSha256(MAPPER.readTree("{\"a\":1,\"b\":\"Hà Nội\"}"));
        byte[] spaced = LedgerLeaf.canonicalPayloadSha256(MAPPER.readTree("{ \"b\" : \"H\\u00e0 N\\u1ed9i\" ,\n \"a\" : 1 }"));
        byte[] changed = LedgerLeaf.canonicalPayloadSha256(MAPPER.readTree("{\"a\":2,\"b\":\"Hà Nội\"}"));
        assertThat(spaced).isEqualTo(compact);
        assertThat(changed).isNotEqualTo(compact);
        assertThat(compact).isEqualTo(TreeHasher.sha256("{\"a\":1,\"b\":\"Hà Nội\"}".getBytes(StandardCharsets.UTF_8)));
    }
}
