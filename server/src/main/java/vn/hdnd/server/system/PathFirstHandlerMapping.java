package vn.hdnd.server.system;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Finds a request's handler among the mappings its path matches, and remembers what Spring MVC decided about the
 * rest. Spring MVC checks every mapping whose path has a variable against each request (most of this API's 78), each
 * one's method, headers, body and media types before its path: that was a fifth of a command's time on its request
 * thread (JFR, bench/README.md).
 *
 * <ul>
 *   <li>Only the mappings whose path pattern matches are checked: those with as many segments as the path (or a
 *   pattern that does not fix them), then the last segment, then the pattern itself. The rest of the lookup is Spring
 *   MVC's: the mappings whose pattern is the path itself first, the same checks, the same ordering of several matches,
 *   and Spring MVC's own answer (405, 406, 415) when none is taken.</li>
 *   <li>Spring MVC's answer for a mapping whose path matches is remembered by the request's method, {@code Content-Type}
 *   and {@code Accept} headers, where nothing else can change it: a mapping with one path pattern and no parameter,
 *   header or custom condition, a request other than {@code OPTIONS}, and media types read from the {@code Accept}
 *   header alone. At most {@link #MAX_OUTCOMES} are kept.</li>
 *   <li>A controller that is a singleton is looked up once, not for each request.</li>
 * </ul>
 * A CORS pre-flight request, or a path not yet parsed, is looked up by Spring MVC itself.
 */
class PathFirstHandlerMapping extends RequestMappingHandlerMapping {
    /** Outcomes remembered at most; past it they are forgotten and learnt again, so odd headers cannot fill memory. */
    static final int MAX_OUTCOMES = 4096;

    /** The mappings by path shape: found again after a mapping is added or removed. */
    private volatile Routes routes;
    /** Spring MVC's answer for a mapping whose path matches, by the request's method and media type headers. */
    private final Map<Outcome, Optional<RequestMappingInfo>> outcomes = new ConcurrentHashMap<>();
    /** Whether requested media types come from the {@code Accept} header alone, as Spring Boot negotiates them. */
    private boolean acceptHeaderOnly;

    @Override
    public void afterPropertiesSet() {
        super.afterPropertiesSet();
        acceptHeaderOnly = getContentNegotiationManager().getStrategies().stream()
                .allMatch(strategy -> strategy.getClass() == HeaderContentNegotiationStrategy.class);
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        if (!ServletRequestPathUtils.hasParsedRequestPath(request) || CorsUtils.isPreFlightRequest(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        Routes all = routes();
        List<Route> matching = all.matching(
                ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication());
        // Spring MVC answers OPTIONS by the dispatch type as well; it is rare enough to ask it each time.
        RequestKey key = acceptHeaderOnly && !HttpMethod.OPTIONS.matches(request.getMethod())
                ? RequestKey.of(request) : null;
        // As Spring MVC: the mappings whose pattern is the path itself, and only if none takes the request, all.
        List<Found> found = new ArrayList<>(2);
        for (Route route : matching) {
            if (route.directPaths().contains(lookupPath)) {
                check(route, key, request, found);
            }
        }
        if (found.isEmpty()) {
            for (Route route : matching) {
                check(route, key, request, found);
            }
        }
        if (found.isEmpty()) {
            return handleNoMatch(all.infos(), lookupPath, request);
        }
        Found best = found.get(0);
        if (found.size() > 1) {
            Comparator<RequestMappingInfo> order = getMappingComparator(request);
            found.sort((a, b) -> order.compare(a.mapping(), b.mapping()));
            best = found.get(0);
            Found second = found.get(1);
            if (order.compare(best.mapping(), second.mapping()) == 0) {
                throw new IllegalStateException("Ambiguous handler methods mapped for '" + request.getRequestURI()
                        + "': {" + best.route().handler().getMethod() + ", " + second.route().handler().getMethod()
                        + "}");
            }
        }
        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, best.route().handler());
        handleMatch(best.mapping(), lookupPath, request);
        return best.route().resolved();
    }

    /** Adds the route if it takes the request, as Spring MVC's checks decide (remembered where that is the same). */
    private void check(Route route, RequestKey key, HttpServletRequest request, List<Found> found) {
        RequestMappingInfo mapping;
        if (key == null || !route.remembered()) {
            mapping = getMatchingMapping(route.info(), request);
        } else {
            Outcome outcome = new Outcome(route.info(), key);
            Optional<RequestMappingInfo> known = outcomes.get(outcome);
            if (known == null) {
                known = Optional.ofNullable(getMatchingMapping(route.info(), request));
                if (outcomes.size() >= MAX_OUTCOMES) {
                    outcomes.clear();
                }
                outcomes.put(outcome, known);
            }
            mapping = known.orElse(null);
        }
        if (mapping != null) {
            found.add(new Found(mapping, route));
        }
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        super.registerMapping(mapping, handler, method);
        forgetRoutes();
    }

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        forgetRoutes();
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        forgetRoutes();
    }

    /** How many answers are remembered now. */
    int outcomesRemembered() {
        return outcomes.size();
    }

    private void forgetRoutes() {
        routes = null;
        outcomes.clear();
    }

    private Routes routes() {
        Routes known = routes;
        if (known == null) {
            known = Routes.of(getHandlerMethods(), handler -> handler.getBean() instanceof String name
                    && obtainApplicationContext().isSingleton(name) ? handler.createWithResolvedBean() : null);
            routes = known;
        }
        return known;
    }

    /**
     * Every mapping, by the number of path elements its patterns fix.
     *
     * @param bySize the routes whose patterns fix the path's elements, by their number
     * @param open   the routes with a pattern that does not ({@code **}, a regular expression, no path pattern)
     * @param infos  every mapping, for Spring MVC's answer when none takes a request
     */
    record Routes(Map<Integer, List<Route>> bySize, List<Route> open, Set<RequestMappingInfo> infos) {
        static Routes of(Map<RequestMappingInfo, HandlerMethod> handlers,
                         Function<HandlerMethod, HandlerMethod> resolve) {
            Map<Integer, List<Route>> bySize = new HashMap<>();
            List<Route> open = new ArrayList<>();
            handlers.forEach((info, handler) -> {
                Route route = Route.of(info, handler, resolve.apply(handler));
                if (route.shapes() == null || route.shapes().stream().anyMatch(shape -> shape.segments() < 0)) {
                    open.add(route);
                } else {
                    route.shapes().stream().map(shape -> 2 * shape.segments()).distinct()
                            .forEach(size -> bySize.computeIfAbsent(size, s -> new ArrayList<>()).add(route));
                }
            });
            return new Routes(Map.copyOf(bySize), List.copyOf(open), Set.copyOf(handlers.keySet()));
        }

        /** The routes whose path pattern matches the path, and those Spring MVC matches another way. */
        List<Route> matching(PathContainer path) {
            List<Route> matching = new ArrayList<>(2);
            for (Route route : bySize.getOrDefault(path.elements().size(), List.of())) {
                if (route.matches(path)) {
                    matching.add(route);
                }
            }
            for (Route route : open) {
                if (route.matches(path)) {
                    matching.add(route);
                }
            }
            return matching;
        }
    }

    /**
     * A mapping, its handler and the shapes of its path patterns.
     *
     * @param shapes      null if Spring MVC matches its path another way (no path patterns)
     * @param directPaths its patterns without a variable, which Spring MVC tries first
     * @param remembered  whether Spring MVC's answer depends only on the request's method and media type headers
     * @param singleton   the handler with its controller looked up, if the controller is a singleton
     */
    record Route(RequestMappingInfo info, HandlerMethod handler, List<Shape> shapes, Set<String> directPaths,
                 boolean remembered, HandlerMethod singleton) {
        static Route of(RequestMappingInfo info, HandlerMethod handler, HandlerMethod singleton) {
            PathPatternsRequestCondition paths = info.getPathPatternsCondition();
            if (paths == null) {
                return new Route(info, handler, null, info.getDirectPaths(), false, singleton);
            }
            boolean remembered = paths.getPatterns().size() == 1
                    && info.getParamsCondition().isEmpty()
                    && info.getHeadersCondition().isEmpty()
                    && info.getCustomCondition() == null
                    && (info.getConsumesCondition().isEmpty() || info.getConsumesCondition().isBodyRequired());
            return new Route(info, handler, paths.getPatterns().stream().map(Shape::of).toList(),
                    info.getDirectPaths(), remembered, singleton);
        }

        /** As {@link PathPatternsRequestCondition#getMatchingCondition} matches the path, without collecting. */
        boolean matches(PathContainer path) {
            if (shapes == null) {
                return true;
            }
            for (Shape shape : shapes) {
                if (shape.admits(path) && shape.pattern().matches(path)) {
                    return true;
                }
            }
            return false;
        }

        /** The handler as Spring MVC's lookup returns it: its controller looked up for the request, if not before. */
        HandlerMethod resolved() {
            return singleton != null ? singleton : handler;
        }
    }

    /** The request's method and media type headers, as Spring MVC's method, consumes and produces checks read them. */
    record RequestKey(String method, String contentType, String accept) {
        static RequestKey of(HttpServletRequest request) {
            Enumeration<String> accept = request.getHeaders(HttpHeaders.ACCEPT);
            return new RequestKey(request.getMethod(), request.getContentType(),
                    accept == null ? null : String.join("\n", Collections.list(accept)));
        }
    }

    /** A mapping, checked against a request with these headers. */
    record Outcome(RequestMappingInfo info, RequestKey request) {
    }

    /** A mapping that takes the request: Spring MVC's matching condition, and the route it came from. */
    private record Found(RequestMappingInfo mapping, Route route) {
    }

    /**
     * What a path must have for a pattern to match it, checked before the pattern itself: its number of segments and
     * its last segment, where the pattern fixes them. Most of this API's paths with the same number of segments differ
     * in the last.
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
