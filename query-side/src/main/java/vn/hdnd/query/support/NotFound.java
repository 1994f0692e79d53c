package vn.hdnd.query.support;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/** 404 as Problem Details. */
public final class NotFound extends ErrorResponseException {
    public NotFound(String detail) {
        super(HttpStatus.NOT_FOUND, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setType(URI.create("urn:hdnd:problem:not-found"));
        problem.setTitle("Unknown resource");
        return problem;
    }
}
