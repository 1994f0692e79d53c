package vn.hdnd.command.dispatch;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/** Builds the Problem Details (RFC 9457) answers of the command API; types are stable URNs clients can match. */
public final class Problems {
    private Problems() {
    }

    public static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:hdnd:problem:" + type));
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }

    static ErrorResponseException ruleViolation(String rule, String detail) {
        ErrorResponseException e = problem(HttpStatus.CONFLICT, "rule-violation", "The command breaks a rule", detail);
        e.getBody().setProperty("rule", rule);
        return e;
    }
}
