package vn.hdnd.server.system;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hdnd.server.support.Api;
import vn.hdnd.server.support.PostgresTest;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The firewall's header rule without regular expressions says what Spring Security's regular expressions say, for
 * every character and for characters outside the Basic Multilingual Plane; and the server uses it: a header holding a
 * control character is refused with a Problem Details 400, not a 500.
 */
@PostgresTest
class HeaderCharactersTest {
    /** Spring Security 6.5's StrictHttpFirewall, for names and for values. */
    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @LocalServerPort
    int port;

    @Test
    void theRuleIsSpringSecuritysForEveryCharacter() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            String text = "a" + Character.toString(c) + "b";
            assertThat(HeaderCharacters.allowed(text, false)).as("name U+%04X", c)
                    .isEqualTo(NAMES.matcher(text).matches());
            assertThat(HeaderCharacters.allowed(text, true)).as("value U+%04X", c)
                    .isEqualTo(VALUES.matcher(text).matches());
        }
        for (String text : new String[]{"", "\t", "gzip, deflate", "Basic YWRtaW46YWRtaW4tcHc=", "\uD800", "x\uDC00",
                "\uD83D\uDE00", "\u00E1\u0301 Hội đồng"}) {
            assertThat(HeaderCharacters.allowed(text, false)).as(text).isEqualTo(NAMES.matcher(text).matches());
            assertThat(HeaderCharacters.allowed(text, true)).as(text).isEqualTo(VALUES.matcher(text).matches());
        }
    }

    @Test
    void aHeaderHoldingAControlCharacterIsRefused() throws Exception {
        // Tomcat reads header bytes as ISO-8859-1 and lets 0x80-0x9F through: 0x85 reaches the firewall as U+0085. A
        // header is checked when read; Spring MVC reads them all to read a body.
        assertThat(answerToCreating("vn-hc1", "X-Note: a\u0085b")).startsWith("HTTP/1.1 400")
                .contains("application/problem+json").contains("urn:hdnd:problem:invalid-input");
        assertThat(answerToCreating("vn-hc2", "X-Note: a\tb")).startsWith("HTTP/1.1 201");
    }

    @Test
    void aPathTheFirewallRefusesIsAnsweredWithProblemDetails() {
        Api.Response answer = Api.at(port).as("admin", "admin-pw").postRaw("/api/v1/councils//committees",
                "{\"name\":\"Ban\",\"formedOn\":\"2021-06-25\"}", "application/json");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.json().get("type").asText()).isEqualTo("urn:hdnd:problem:invalid-input");
        assertThat(answer.json().get("detail").asText()).startsWith("the request was refused");
    }

    private String answerToCreating(String council, String header) throws Exception {
        byte[] body = Api.json(Map.of("id", council, "name", "HĐND tỉnh HC", "tier", "PROVINCE",
                "establishedOn", "2008-08-01")).getBytes(StandardCharsets.UTF_8);
        String credentials = Base64.getEncoder().encodeToString("admin:admin-pw".getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/councils HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n" + header
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
