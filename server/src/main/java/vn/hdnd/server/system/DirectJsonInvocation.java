package vn.hdnd.server.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Conventions;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.util.ReflectionUtils;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.validation.annotation.ValidationAnnotationUtils;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerMapping;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How {@link LeanHandlerAdapter} invokes a handler method shaped as every command endpoint is: its parameters are
 * path variables of type {@code String}, one {@code @RequestBody} read as JSON (validated if {@code @Valid}) and
 * arguments of this application's own resolvers (the command's actor, version and key); it answers a
 * {@code ResponseEntity} written as JSON. Spring MVC's general machinery (argument resolvers, message converters and
 * their negotiation, body advice, model and binder factories) was 57% of a command's request-thread time (JFR,
 * bench/README.md); for such a method it comes to reading the body with the same {@code ObjectMapper}, validating it
 * with the same validator and writing the answer.
 * <p>
 * The outcome is Spring MVC's: the same exceptions for a missing, malformed or invalid body (so the same Problem
 * Details), the same status, headers and JSON. A request this path does not cover exactly (a mapping that may produce
 * other than JSON, a body in another charset) goes to Spring MVC's general path, as does every other method.
 */
final class DirectJsonInvocation {
    private static final MediaType JSON = MediaType.APPLICATION_JSON;
    private static final Set<MediaType> JSON_ONLY = Set.of(JSON);

    private final Method method;
    private final Argument[] arguments;
    private final ObjectMapper json;

    private DirectJsonInvocation(Method method, Argument[] arguments, ObjectMapper json) {
        this.method = method;
        this.arguments = arguments;
        this.json = json;
    }

    /** How a handler method is invoked directly, or null if it is not shaped for it. */
    static DirectJsonInvocation of(HandlerMethod handler, List<HandlerMethodArgumentResolver> resolvers,
                                   ObjectMapper json, SmartValidator validator) {
        if (handler.shouldValidateArguments() || handler.shouldValidateReturnValue()
                || handler.hasMethodAnnotation(ResponseStatus.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseStatus.class)
                || !ResponseEntity.class.isAssignableFrom(handler.getMethod().getReturnType())) {
            return null;
        }
        MethodParameter[] parameters = handler.getMethodParameters();
        Argument[] arguments = new Argument[parameters.length];
        boolean body = false;
        for (int i = 0; i < parameters.length; i++) {
            MethodParameter parameter = parameters[i];
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
            RequestBody requestBody = parameter.getParameterAnnotation(RequestBody.class);
            if (variable != null && parameter.getParameterType() == String.class && variable.required()) {
                String name = !variable.name().isEmpty() ? variable.name()
                        : !variable.value().isEmpty() ? variable.value() : parameter.getParameterName();
                if (name == null) {
                    return null;
                }
                arguments[i] = (request, response) -> pathVariables(request).get(name);
            } else if (requestBody != null && requestBody.required() && !body) {
                body = true;
                arguments[i] = new Body(parameter, json.readerFor(json.constructType(
                        parameter.getGenericParameterType())), validationHints(parameter), validator);
            } else {
                HandlerMethodArgumentResolver resolver = resolvers.stream()
                        .filter(r -> r.supportsParameter(parameter)).findFirst().orElse(null);
                if (resolver == null) {
                    return null;
                }
                arguments[i] = (request, response) ->
                        resolver.resolveArgument(parameter, null, new ServletWebRequest(request, response), null);
            }
        }
        if (!body) {
            return null; // a query: Spring MVC also answers its conditional requests (If-None-Match)
        }
        ReflectionUtils.makeAccessible(handler.getMethod());
        return new DirectJsonInvocation(handler.getMethod(), arguments, json);
    }

    /**
     * Whether this request is one the direct path answers as Spring MVC would: its mapping produces JSON alone (so
     * the answer is JSON whatever the request accepts), and its body, if typed, is UTF-8 JSON.
     */
    static boolean covers(HttpServletRequest request) {
        if (!JSON_ONLY.equals(request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE))) {
            return false;
        }
        String type = request.getContentType();
        if (type == null) {
            return true;
        }
        try {
            MediaType mediaType = MediaType.parseMediaType(type);
            return JSON.equalsTypeAndSubtype(mediaType)
                    && (mediaType.getCharset() == null || mediaType.getCharset().equals(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return false;
        }
    }

    void invoke(Object bean, HttpServletRequest request, HttpServletResponse response) throws Exception {
        readHeaders(request);
        Object[] values = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            values[i] = arguments[i].resolve(request, response);
        }
        ResponseEntity<?> answer;
        try {
            answer = (ResponseEntity<?>) method.invoke(bean, values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
        write(answer, response);
    }

    /**
     * Reads every header, as Spring MVC does to read a body: Spring Security's firewall checks a header when it is
     * read, and a request holding one it refuses is refused whether or not its handler reads it (HeaderCharactersTest).
     */
    private static void readHeaders(HttpServletRequest request) {
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            for (Enumeration<String> values = request.getHeaders(names.nextElement()); values.hasMoreElements(); ) {
                values.nextElement();
            }
        }
    }

    private void write(ResponseEntity<?> answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.getStatusCode().value());
        answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        if (answer.getBody() != null) {
            ObjectWriter writer = json.writerFor(answer.getBody().getClass());
            byte[] bytes = writer.writeValueAsBytes(answer.getBody());
            response.setContentType(JSON.toString());
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }

    /** As {@code RequestResponseBodyMethodProcessor}: the hints of the first annotation that asks for validation. */
    private static Object[] validationHints(MethodParameter parameter) {
        for (Annotation annotation : parameter.getParameterAnnotations()) {
            Object[] hints = ValidationAnnotationUtils.determineValidationHints(annotation);
            if (hints != null) {
                return hints;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> pathVariables(HttpServletRequest request) {
        return (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    }

    @FunctionalInterface
    private interface Argument {
        Object resolve(HttpServletRequest request, HttpServletResponse response) throws Exception;
    }

    /** The body, read and validated as {@code RequestResponseBodyMethodProcessor} with Jackson's converter does. */
    private record Body(MethodParameter parameter, ObjectReader reader, Object[] hints, SmartValidator validator,
                        String objectName) implements Argument {
        Body(MethodParameter parameter, ObjectReader reader, Object[] hints, SmartValidator validator) {
            this(parameter, reader, hints, validator, Conventions.getVariableNameForParameter(parameter));
        }

        @Override
        public Object resolve(HttpServletRequest request, HttpServletResponse response) throws Exception {
            byte[] bytes;
            try {
                // Read to the declared length where there is one: readAllBytes starts with a buffer of 16 KiB.
                int length = request.getContentLength();
                bytes = length >= 0 ? request.getInputStream().readNBytes(length)
                        : request.getInputStream().readAllBytes();
            } catch (IOException e) {
                throw new HttpMessageNotReadableException("I/O error while reading input message", e,
                        new ServletServerHttpRequest(request));
            }
            if (bytes.length == 0) {
                throw new HttpMessageNotReadableException("Required request body is missing: "
                        + parameter.getExecutable().toGenericString(), new ServletServerHttpRequest(request));
            }
            Object value;
            try {
                value = reader.readValue(bytes);
            } catch (InvalidDefinitionException e) {
                throw new HttpMessageConversionException("Type definition error: " + e.getOriginalMessage(), e);
            } catch (JsonProcessingException e) {
                throw new HttpMessageNotReadableException("JSON parse error: " + e.getOriginalMessage(), e,
                        new ServletServerHttpRequest(request));
            }
            if (hints != null) {
                BeanPropertyBindingResult errors = new BeanPropertyBindingResult(value, objectName);
                validator.validate(value, errors, hints);
                if (errors.hasErrors()) {
                    throw new MethodArgumentNotValidException(parameter, errors);
                }
            }
            return value;
        }
    }
}
