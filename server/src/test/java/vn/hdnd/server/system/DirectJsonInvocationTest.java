package vn.hdnd.server.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.hdnd.server.support.Api;
import vn.hdnd.server.support.PostgresTest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command endpoint is invoked by {@link DirectJsonInvocation}, and it answers as Spring MVC's general path does.
 * A body declared in a charset other than UTF-8 goes the general path, so each request below is sent both ways (its
 * text is ASCII, the same in either charset) and the answers compared.
 */
@PostgresTest
class DirectJsonInvocationTest {
    private static final String DIRECT = "application/json";
    private static final String GENERAL = "application/json;charset=ISO-8859-1";

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    @Qualifier("requestMappingHandlerAdapter")
    RequestMappingHandlerAdapter adapter;

    @Test
    void everyCommandEndpointIsInvokedDirectlyAndNothingWithoutABody() {
        int commands = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> endpoint : mapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = endpoint.getValue();
            boolean direct = ((LeanHandlerAdapter) adapter).invokesDirectly(handler);
            if (handler.getBeanType().getPackageName().startsWith("vn.hdnd.command")) {
                commands++;
                assertThat(direct).as(endpoint.getKey().toString()).isTrue();
            } else if (Arrays.stream(handler.getMethodParameters())
                    .noneMatch(parameter -> parameter.hasParameterAnnotation(RequestBody.class))) {
                // Queries: Spring MVC answers their conditional requests (If-None-Match) too.
                assertThat(direct).as(endpoint.getKey().toString()).isFalse();
            }
        }
        assertThat(commands).isGreaterThanOrEqualTo(20);
    }

    @Test
    void aCommandIsAnsweredAsSpringMvcAnswersIt() {
        Api admin = Api.at(port).as("admin", "admin-pw");
        Api.Response direct = admin.postRaw("/api/v1/councils", establish("vn-dj1"), DIRECT);
        Api.Response general = admin.postRaw("/api/v1/councils", establish("vn-dj2"), GENERAL);

        assertThat(direct.status()).isEqualTo(201).isEqualTo(general.status());
        assertThat(direct.contentType()).isEqualTo("application/json").isEqualTo(general.contentType());
        assertThat(direct.headers().firstValue("ETag")).hasValue("\"0\"")
                .isEqualTo(general.headers().firstValue("ETag"));
        assertThat(direct.json().get("id").asText()).isEqualTo("vn-dj1");
        assertThat(fieldNames(direct.json())).isEqualTo(fieldNames(general.json()));

        Api.Response term = admin.postRaw("/api/v1/councils/vn-dj1/terms",
                "{\"term\":\"2021-2026\",\"seats\":50,\"startsOn\":\"2021-05-23\"}", DIRECT);
        assertThat(term.status()).isEqualTo(201);
        assertThat(term.json().get("id").asText()).isEqualTo("2021-2026");
        assertThat(term.headers().firstValue("ETag")).hasValue("\"1\"");
    }

    @Test
    void aBadCommandIsRefusedAsSpringMvcRefusesIt() {
        Api admin = Api.at(port).as("admin", "admin-pw");
        admin.postRaw("/api/v1/councils", establish("vn-dj3"), DIRECT);
        Map<String, String> cases = Map.of(
                "/api/v1/councils", "{\"id\":\"vn-dj4\",\"name\":\" \",\"establishedOn\":\"2008-08-01\"}",
                "/api/v1/councils/", "{\"id\":",
                "/api/v1/councils/vn-dj3/terms", "",
                "/api/v1/councils/vn-dj3/delegates", "{\"fullName\":\"A\",\"seatedOn\":\"2021-13-01\"}",
                "/api/v1/councils/vn-dj5/delegates", "{\"fullName\":\"A\",\"seatedOn\":\"2021-06-01\"}",
                "/api/v1/councils/vn-dj3/offices", "{\"delegateId\":\"d\",\"office\":\"EMPEROR\","
                        + "\"effectiveOn\":\"2021-06-25\"}");
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            String path = bad.getKey().equals("/api/v1/councils/") ? "/api/v1/councils" : bad.getKey();
            Api.Response direct = admin.postRaw(path, bad.getValue(), DIRECT);
            Api.Response general = admin.postRaw(path, bad.getValue(), GENERAL);
            assertThat(direct.status()).as(bad.toString()).isBetween(400, 499).isEqualTo(general.status());
            assertThat(direct.contentType()).as(bad.toString()).isEqualTo(general.contentType());
            assertThat(unordered(direct.json())).as(bad.toString()).isEqualTo(unordered(general.json()));
        }
        Api.Response invalid = admin.postRaw("/api/v1/councils",
                "{\"id\":\"vn-dj4\",\"name\":\" \",\"establishedOn\":\"2008-08-01\"}", DIRECT);
        assertThat(invalid.json().get("type").asText()).isEqualTo("urn:hdnd:problem:invalid-input");
        assertThat(invalid.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("name", "tier");
        assertThat(admin.get("/api/v1/audit/aggregates/vn-dj4/events").status()).isEqualTo(404);
    }

    static class Handlers {
        ResponseEntity<Map<String, String>> named(@PathVariable("council") String id,
                                                  @RequestBody Map<String, String> body) {
            return ResponseEntity.status(201).eTag("\"7\"").body(Map.of("id", id, "name", body.get("name")));
        }
    }

    @Test
    void aPathVariableIsReadByTheNameItsAnnotationGives() throws Exception {
        HandlerMethod handler = new HandlerMethod(new Handlers(),
                Handlers.class.getDeclaredMethod("named", String.class, Map.class)).createWithValidateFlags();
        DirectJsonInvocation invocation = DirectJsonInvocation.of(handler, List.of(), new ObjectMapper(), null);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/councils/vn-hn");
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("council", "vn-hn"));
        request.setContent("{\"name\":\"Ban\"}".getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();

        invocation.invoke(handler.getBean(), request, response);

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getHeader("ETag")).isEqualTo("\"7\"");
        assertThat(response.getContentType()).isEqualTo("application/json");
        assertThat(new ObjectMapper().readTree(response.getContentAsByteArray()))
                .isEqualTo(new ObjectMapper().readTree("{\"id\":\"vn-hn\",\"name\":\"Ban\"}"));
    }

    private static String establish(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"HDND " + id + "\",\"tier\":\"PROVINCE\","
                + "\"establishedOn\":\"2008-08-01\"}";
    }

    /** The answer with its list of invalid fields as a set: the validator lists them in no particular order. */
    private static Map<String, Object> unordered(JsonNode problem) {
        Map<String, Object> fields = new HashMap<>();
        problem.fields().forEachRemaining(field -> fields.put(field.getKey(), field.getKey().equals("errors")
                ? StreamSupport.stream(field.getValue().spliterator(), false).collect(Collectors.toSet())
                : field.getValue()));
        return fields;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
