package vn.hdnd.ledger.verifier;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import vn.hdnd.ledger.proofs.VerifierKey;

/**
 * Reading the auditor's files. Everything is strict UTF-8 and strict JSON (no duplicate keys, nothing after the value),
 * so that what is verified is exactly what is in the file.
 */
final class Inputs {

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Inputs() {
    }

    static String text(Path path) throws InputException {
        try {
            byte[] bytes = Files.readAllBytes(path);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InputException(path + " is not UTF-8 text", e);
        } catch (IOException e) {
            throw new InputException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    static BufferedReader lines(Path path) throws InputException {
        try {
            return new BufferedReader(new InputStreamReader(Files.newInputStream(path),
                    StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)));
        } catch (IOException e) {
            throw new InputException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    static VerifierKey verifierKey(Path path) throws InputException {
        try {
            return VerifierKey.parse(text(path));
        } catch (IllegalArgumentException e) {
            throw new InputException(path + " is not a verifier key (name+keyid+base64): " + e.getMessage(), e);
        }
    }

    static JsonNode json(Path path) throws InputException {
        return json(text(path), path.toString());
    }

    static JsonNode json(String text, String where) throws InputException {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InputException(where + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    static JsonNode required(JsonNode object, String field, String where) throws InputException {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw new InputException(where + ": missing field '" + field + "'");
        }
        return value;
    }

    static long requiredLong(JsonNode object, String field, String where) throws InputException {
        JsonNode value = required(object, field, where);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InputException(where + ": field '" + field + "' must be an integer");
        }
        return value.longValue();
    }

    static String requiredText(JsonNode object, String field, String where) throws InputException {
        JsonNode value = required(object, field, where);
        if (!value.isTextual()) {
            throw new InputException(where + ": field '" + field + "' must be a string");
        }
        return value.textValue();
    }

    static byte[] base64(String text, String where) throws InputException {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new InputException(where + " is not standard base64", e);
        }
    }

    static List<byte[]> hashes(JsonNode object, String where) throws InputException {
        JsonNode array = required(object, "hashes", where);
        if (!array.isArray()) {
            throw new InputException(where + ": field 'hashes' must be an array of base64 strings");
        }
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            if (!element.isTextual()) {
                throw new InputException(where + ": hashes[" + i + "] must be a base64 string");
            }
            hashes.add(base64(element.textValue(), where + ": hashes[" + i + "]"));
        }
        return hashes;
    }
}
