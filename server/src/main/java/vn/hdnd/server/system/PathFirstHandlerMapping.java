package vn.hdnd.server.system;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a request's handler by its path first. Spring MVC tries every mapping whose path has a variable against each
 * request, and checks each one's method, headers, body and media types before its path: on this API's 78 mappings that
 * was a fifth of a command's time on its request thread (JFR, bench/README.md). A mapping whose path does not match is
 * now passed over after the path alone; one that does is checked by Spring MVC as before, so the handler found, and the
 * 405 or 415 answered when none is, are the same.
 */
class PathFirstHandlerMapping extends RequestMappingHandlerMapping {
    /** Each mapping's shapes, one per path pattern, found when the mapping is first tried. */
    private final Map<RequestMappingInfo, Shape[]> shapes = new ConcurrentHashMap<>();
    /**
     * The path of the request being matched, found once: each of the attribute reads it takes otherwise passes through
     * every wrapper of the request, for each of the mappings.
     */
    private final ThreadLocal<PathContainer> path = new ThreadLocal<>();

    @Override
    protected HandlerMethod getHandlerInternal(HttpServletRequest request) throws Exception {
        path.set(ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication() : null);
        try {
            return super.getHandlerInternal(request);
        } finally {
            path.remove();
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        PathContainer requestPath = path.get();
        if (requestPath != null && info.getPathPatternsCondition() != null && !matchesAny(info, requestPath)) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    /**
     * As {@link PathPatternsRequestCondition#getMatchingCondition} matches the path, without collecting matches, and
     * passing over at once the patterns whose {@link Shape} the path does not have.
     */
    private boolean matchesAny(RequestMappingInfo info, PathContainer requestPath) {
        Shape[] infoShapes = shapes.get(info);
        if (infoShapes == null) {
            infoShapes = shapes.computeIfAbsent(info, i -> i.getPathPatternsCondition().getPatterns().stream()
                    .map(Shape::of).toArray(Shape[]::new));
        }
        for (Shape shape : infoShapes) {
            if (shape.admits(requestPath) && shape.pattern().matches(requestPath)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What a path must have for a pattern to match it, checked before the pattern itself: its number of segments and
     * its last segment, where the pattern fixes them. Each request is matched against the paths of all mappings with a
     * variable (most of this API's); most differ in one of these two.
     *
     * @param pattern  the pattern
     * @param segments the number of segments, or -1 if the pattern may not fix it ({@code **}, {@code {*rest}}, a
     *                 regular expression)
     * @param last     the last segment, or null if it is not literal text
     */
    record Shape(PathPattern pattern, int segments, String last) {
        static Shape of(PathPattern pattern) {
            String text = pattern.getPatternString();
            if (!text.startsWith("/") || text.endsWith("/") || text.contains("*") || text.contains(":")) {
                return new Shape(pattern, -1, null);
            }
            String[] parts = text.substring(1).split("/", -1);
            String last = parts[parts.length - 1];
            return new Shape(pattern, parts.length, last.contains("{") || last.contains("?") ? null : last);
        }

        /** Whether the path may match: it has the pattern's segments, one per separator, and its last one. */
        boolean admits(PathContainer path) {
            if (segments < 0) {
                return true;
            }
            List<PathContainer.Element> elements = path.elements();
            return elements.size() == 2 * segments
                    && (last == null || elements.get(elements.size() - 1) instanceof PathContainer.PathSegment segment
                    && segment.valueToMatch().equals(last));
        }
    }
}
