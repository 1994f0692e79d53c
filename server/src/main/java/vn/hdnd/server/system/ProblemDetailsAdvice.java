package vn.hdnd.server.system;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Every error is Problem Details (RFC 9457). Validation errors list {@code errors: [{field, message}]}; unreadable
 * input is a 400 and an oversized body a 413, never a 5xx. Only a real server fault answers 500, without internals.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                "the request has " + errors.size() + " invalid field(s)");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(e -> Map.of(
                        "field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", String.valueOf(e.getDefaultMessage()))))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                "the request has invalid parameters");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof BodyLimitFilter.BodyTooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(BodyLimitFilter.tooLarge());
            }
        }
        String detail = ex.getMostSpecificCause().getMessage();
        // Jackson's message names the field and the accepted values; cut the source excerpt after it.
        int cut = detail == null ? -1 : detail.indexOf("\n at [Source");
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "unreadable-body", "Malformed request body",
                detail == null ? "the body is not valid JSON" : cut > 0 ? detail.substring(0, cut) : detail);
        return ResponseEntity.badRequest().body(problem);
    }

    /** Spring's own problems (405, 406, 415, type mismatches…) get a type of ours instead of about:blank. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (body == null && ex instanceof ErrorResponse response) {
            body = response.getBody();
        }
        if (body instanceof ProblemDetail problem && URI.create("about:blank").equals(problem.getType())) {
            HttpStatus status = HttpStatus.resolve(statusCode.value());
            String slug = status == HttpStatus.BAD_REQUEST ? "invalid-input"
                    : status == null ? "error" : status.name().toLowerCase().replace('_', '-');
            problem.setType(URI.create("urn:hdnd:problem:" + slug));
            if (problem.getDetail() == null) {
                problem.setDetail(status == null ? "error" : status.getReasonPhrase());
            }
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
        List<Map<String, String>> errors = ex.getConstraintViolations().stream()
                .map(v -> Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage()))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                "the request has invalid parameters");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * Spring Security's firewall checks a header when it is read: one read on the way to the handler (all of them, to
     * read a body) refuses the request there, after the security filters.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException ex) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                "the request holds characters that are not allowed: " + ex.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        log.error("Unexpected error", ex);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Internal error", "the server could not complete the request; nothing was recorded"));
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:hdnd:problem:" + type));
        problem.setTitle(title);
        return problem;
    }
}
