package vn.hdnd.query.projection;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code ?minPosition=p} on any query: wait until the projections the endpoint reads ({@link ReadsFrom}) have processed
 * the command answer's position {@code p}, up to 5 s, then answer 503 with Retry-After.
 */
@Component
class ReadYourWrites implements HandlerInterceptor, WebMvcConfigurer {
    private static final Duration MAX_WAIT = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 20;
    private final ProjectionStatus status;
    private final Map<Class<?>, Set<String>> readsFrom = new ConcurrentHashMap<>();

    ReadYourWrites(ProjectionStatus status) {
        this.status = status;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        String value = request.getParameter("minPosition");
        if (value == null || !"GET".equals(request.getMethod())) {
            return true;
        }
        long position;
        try {
            position = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                    "minPosition must be a position from a command's answer");
        }
        Set<String> projections = handler instanceof HandlerMethod method
                ? readsFrom.computeIfAbsent(method.getBeanType(), this::projectionsOf) : Set.of();
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        while (!status.reached(position, projections)) {
            if (System.nanoTime() > deadline) {
                ErrorResponseException e = problem(HttpStatus.SERVICE_UNAVAILABLE, "projection-behind",
                        "Not yet visible", "the projections have not reached position " + position + " yet");
                e.getHeaders().set("Retry-After", "1");
                throw e;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }

    /** The projections a controller declares; a name that is not a projection is a programming error. */
    private Set<String> projectionsOf(Class<?> controller) {
        ReadsFrom declared = AnnotatedElementUtils.findMergedAnnotation(controller, ReadsFrom.class);
        if (declared == null) {
            return Set.of();
        }
        Set<String> names = Set.of(declared.value());
        Set<String> unknown = new TreeSet<>(names);
        unknown.removeAll(status.processors().keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalStateException(controller.getSimpleName() + " reads from unknown projections " + unknown);
        }
        return names;
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:hdnd:problem:" + type));
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
