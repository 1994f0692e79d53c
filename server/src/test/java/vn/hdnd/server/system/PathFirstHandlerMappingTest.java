package vn.hdnd.server.system;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import vn.hdnd.server.support.Api;
import vn.hdnd.server.support.PostgresTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Spring MVC finds handlers through {@link PathFirstHandlerMapping}, and it finds the same ones: every endpoint of the
 * API is reached by a request to its own path and method, and a request no endpoint takes is still answered 405 or
 * 415 as Spring MVC answers it.
 */
@PostgresTest
class PathFirstHandlerMappingTest {
    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyEndpointIsFoundByItsPathAndMethod() throws Exception {
        assertThat(mapping).isInstanceOf(PathFirstHandlerMapping.class);
        assertThat(mapping.getHandlerMethods()).hasSizeGreaterThan(50);
        for (Map.Entry<RequestMappingInfo, HandlerMethod> endpoint : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = endpoint.getKey();
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                String method = info.getMethodsCondition().getMethods().isEmpty() ? "GET"
                        : info.getMethodsCondition().getMethods().iterator().next().name();
                // The media type the endpoint produces, where it names one: /error has one endpoint per type.
                String accept = info.getProducesCondition().getProducibleMediaTypes().stream()
                        .findFirst().map(MediaType::toString).orElse("*/*");

                HandlerExecutionChain chain = mapping.getHandler(
                        request(method, concrete(pattern), MediaType.APPLICATION_JSON_VALUE, accept));

                assertThat(chain).as(method + " " + pattern).isNotNull();
                assertThat(((HandlerMethod) chain.getHandler()).getMethod()).as(method + " " + pattern)
                        .isEqualTo(endpoint.getValue().getMethod());
            }
        }
    }

    @Test
    void aRequestNoEndpointTakesIsAnsweredAsBefore() {
        Api admin = Api.at(port).as("admin", "admin-pw");
        assertThat(admin.postRaw("/api/v1/councils", "id=x", "application/x-www-form-urlencoded").status())
                .isEqualTo(415);
        assertThat(admin.postRaw("/api/v1/dashboard/summary", "{}", "application/json").status()).isEqualTo(405);
        assertThat(admin.get("/api/v1/no-such-thing").status()).isEqualTo(404);
    }

    @Test
    void aPathIsPassedOverWhenItsSegmentsOrItsLastSegmentDifferFromThePatterns() {
        PathPatternParser parser = new PathPatternParser();
        PathFirstHandlerMapping.Shape delegates = PathFirstHandlerMapping.Shape.of(
                parser.parse("/api/v1/councils/{id}/delegates"));
        assertThat(delegates.admits(PathContainer.parsePath("/api/v1/councils/vn-hn/delegates"))).isTrue();
        assertThat(delegates.admits(PathContainer.parsePath("/api/v1/councils/vn-hn/committees"))).isFalse();
        assertThat(delegates.admits(PathContainer.parsePath("/api/v1/councils/vn-hn/delegates/d1"))).isFalse();
        assertThat(delegates.admits(PathContainer.parsePath("/api/v1/councils/vn-hn/delegates/"))).isFalse();

        PathFirstHandlerMapping.Shape council = PathFirstHandlerMapping.Shape.of(parser.parse("/api/v1/councils/{id}"));
        assertThat(council.admits(PathContainer.parsePath("/api/v1/councils/vn-hn"))).isTrue();
        assertThat(council.admits(PathContainer.parsePath("/api/v1/oversight-cases/c1"))).as("checked by the pattern")
                .isTrue();
        for (String open : new String[]{"/docs/**", "/files/{*rest}", "/api/{id:[a-z]+}"}) {
            assertThat(PathFirstHandlerMapping.Shape.of(parser.parse(open))
                    .admits(PathContainer.parsePath("/a/b/c/d"))).as(open).isTrue();
        }
    }

    @Test
    void anAnswerRememberedForOneMethodAndMediaTypesIsNotGivenToOthers() throws Exception {
        String seat = "/api/v1/councils/vn-hn/delegates";
        for (int round = 0; round < 2; round++) {
            // The same path: seat a delegate (POST, JSON in and out) and list the delegates (GET).
            assertThat(handler(request("POST", seat, "application/json", "application/json")))
                    .isEqualTo("seat");
            assertThat(handler(request("GET", seat, null, "application/json"))).isEqualTo("delegates");
            assertThatThrownBy(() -> mapping.getHandler(request("POST", seat, "text/plain", "application/json")))
                    .as("415").isInstanceOf(HttpMediaTypeNotSupportedException.class);
            assertThatThrownBy(() -> mapping.getHandler(request("POST", seat, "application/json", "text/csv")))
                    .as("406").isInstanceOf(HttpMediaTypeNotAcceptableException.class);
            assertThatThrownBy(() -> mapping.getHandler(request("DELETE", seat, null, "application/json")))
                    .as("405").isInstanceOf(HttpRequestMethodNotSupportedException.class);
            assertThat(handler(request("POST", seat, "application/json;charset=UTF-8", null)))
                    .as("no Accept header").isEqualTo("seat");
        }
    }

    @Test
    void aSingletonControllerIsLookedUpOnce() throws Exception {
        String seat = "/api/v1/councils/vn-hn/delegates";
        Object first = mapping.getHandler(request("POST", seat, "application/json", "application/json")).getHandler();
        Object second = mapping.getHandler(request("POST", seat, "application/json", "application/json")).getHandler();
        // Spring MVC resolves the controller's bean name into a new handler for every request.
        assertThat(second).isSameAs(first);
        assertThat(((HandlerMethod) first).getBean()).isNotInstanceOf(String.class);
    }

    @Test
    void optionsRequestsAreNotRemembered() throws Exception {
        PathFirstHandlerMapping pathFirst = (PathFirstHandlerMapping) mapping;
        mapping.getHandler(request("POST", "/api/v1/councils/vn-hn/terms", "application/json", "application/json"));
        int remembered = pathFirst.outcomesRemembered();
        // Spring MVC's answer to OPTIONS depends on the dispatch type too, which the remembered answers leave out.
        mapping.getHandler(request("OPTIONS", "/api/v1/councils/vn-hn/terms", null, null));
        assertThat(pathFirst.outcomesRemembered()).isEqualTo(remembered);
    }

    @Test
    void rememberedAnswersStayBounded() throws Exception {
        for (int i = 0; i < PathFirstHandlerMapping.MAX_OUTCOMES + 100; i++) {
            assertThat(handler(request("POST", "/api/v1/councils/vn-hn/committees", "application/json",
                    "application/json, application/x-" + i))).isEqualTo("formCommittee");
            assertThat(((PathFirstHandlerMapping) mapping).outcomesRemembered())
                    .isLessThanOrEqualTo(PathFirstHandlerMapping.MAX_OUTCOMES);
        }
    }

    @Test
    void aMappingAddedWhileRunningIsFoundAndOneRemovedIsNot() throws Exception {
        RequestMappingInfo extra = RequestMappingInfo.paths("/api/v1/test-only/{id}/probe")
                .methods(RequestMethod.GET).options(mapping.getBuilderConfiguration()).build();
        String path = "/api/v1/test-only/x/probe";
        assertThat(mapping.getHandler(request("GET", path, null, null))).as("before").isNull();
        mapping.registerMapping(extra, this, getClass().getDeclaredMethod("probe"));
        try {
            assertThat(handler(request("GET", path, null, null))).isEqualTo("probe");
        } finally {
            mapping.unregisterMapping(extra);
        }
        assertThat(mapping.getHandler(request("GET", path, null, null))).as("after").isNull();
    }

    /** The handler registered while running, in {@link #aMappingAddedWhileRunningIsFoundAndOneRemovedIsNot}. */
    String probe() {
        return "probe";
    }

    private String handler(MockHttpServletRequest request) throws Exception {
        HandlerExecutionChain chain = mapping.getHandler(request);
        assertThat(chain).as(request.getMethod() + " " + request.getRequestURI()).isNotNull();
        return ((HandlerMethod) chain.getHandler()).getMethod().getName();
    }

    private static MockHttpServletRequest request(String method, String path, String contentType, String accept) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (contentType != null) {
            request.setContentType(contentType);
            request.setContent("{}".getBytes());
        }
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }

    /** The pattern's path with a value in each variable that no literal segment of the API uses. */
    private static String concrete(PathPattern pattern) {
        return pattern.getPatternString().replaceAll("\\{\\*?[^}]+}", "zz-9");
    }
}
