package vn.hdnd.server.system;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.mock.web.MockHttpServletRequest;
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
                MockHttpServletRequest request = new MockHttpServletRequest(method, concrete(pattern));
                request.setContentType(MediaType.APPLICATION_JSON_VALUE);
                request.setContent("{}".getBytes());
                // The media type the endpoint produces, where it names one: /error has one endpoint per type.
                request.addHeader("Accept", info.getProducesCondition().getProducibleMediaTypes().stream()
                        .findFirst().map(MediaType::toString).orElse("*/*"));
                ServletRequestPathUtils.parseAndCache(request);

                HandlerExecutionChain chain = mapping.getHandler(request);

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

    /** The pattern's path with a value in each variable that no literal segment of the API uses. */
    private static String concrete(PathPattern pattern) {
        return pattern.getPatternString().replaceAll("\\{\\*?[^}]+}", "zz-9");
    }
}
