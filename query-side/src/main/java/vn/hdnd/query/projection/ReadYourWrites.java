package vn.hdnd.query.projection;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.net.URI;
import java.time.Duration;

/**
 * {@code ?minPosition=p} on any query: wait until the projections have processed the command answer's position
 * {@code p}, up to 5 s, then answer 503 with Retry-After.
 */
@Component
class ReadYourWrites implements HandlerInterceptor, WebMvcConfigurer {
    private static final Duration MAX_WAIT = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 20;
    private final ProjectionStatus status;

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
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        while (!status.reached(position)) {
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

    private static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:hdnd:problem:" + type));
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
