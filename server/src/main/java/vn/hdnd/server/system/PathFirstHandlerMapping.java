package vn.hdnd.server.system;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds a request's handler by its path first. Spring MVC tries every mapping whose path has a variable against each
 * request, and checks each one's method, headers, body and media types before its path: on this API's 78 mappings that
 * was a fifth of a command's time on its request thread (JFR, bench/README.md). A mapping whose path does not match is
 * now passed over after the path alone; one that does is checked by Spring MVC as before, so the handler found, and the
 * 405 or 415 answered when none is, are the same.
 */
class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
        if (patterns != null && ServletRequestPathUtils.hasParsedRequestPath(request)
                && !matchesAny(patterns, ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication())) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    /** As {@link PathPatternsRequestCondition#getMatchingCondition} matches the path, without collecting matches. */
    private static boolean matchesAny(PathPatternsRequestCondition patterns, PathContainer path) {
        for (PathPattern pattern : patterns.getPatterns()) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        WebMvcRegistrations pathFirstHandlerMapping() {
            return new WebMvcRegistrations() {
                @Override
                public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                    return new PathFirstHandlerMapping();
                }
            };
        }
    }
}
