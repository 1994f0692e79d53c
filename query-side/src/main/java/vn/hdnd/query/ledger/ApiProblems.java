package vn.hdnd.query.ledger;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The Problem Details the audit and ledger endpoints answer besides 404 ({@link vn.hdnd.query.support.NotFound}). */
public final class ApiProblems {
    private ApiProblems() {
    }

    /** 400 naming the offending query parameter. */
    public static ErrorResponseException invalid(String field, String message) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                field + ": " + message);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    /** 503 with Retry-After: the answer exists in a moment (the ledger or a checkpoint has not caught up yet). */
    static ErrorResponseException notYet(String detail, Duration retryAfter) {
        ErrorResponseException e = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE,
                problem(HttpStatus.SERVICE_UNAVAILABLE, "ledger-behind", "Not yet logged", detail), null);
        e.getHeaders().set("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
        return e;
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:hdnd:problem:" + type));
        problem.setTitle(title);
        return problem;
    }
}
