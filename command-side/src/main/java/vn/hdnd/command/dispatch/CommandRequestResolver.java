package vn.hdnd.command.dispatch;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;
import java.util.regex.Pattern;

@Component
class CommandRequestResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {
    private static final Pattern ETAG_VERSION = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");
    private static final int MAX_KEY_LENGTH = 128;

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CommandRequest.class;
    }

    @Override
    public CommandRequest resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                          NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        String key = request.getHeader("Idempotency-Key");
        if (key != null && (key.isBlank() || key.length() > MAX_KEY_LENGTH)) {
            throw Problems.problem(HttpStatus.BAD_REQUEST, "invalid-idempotency-key", "Invalid Idempotency-Key",
                    "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        return new CommandRequest(SecurityContextHolder.getContext().getAuthentication(),
                expectedVersion(request.getHeader("If-Match")), key, request.getMethod(), request.getRequestURI());
    }

    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.equals("*")) {
            return null;
        }
        var matcher = ETAG_VERSION.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw Problems.problem(HttpStatus.BAD_REQUEST, "invalid-if-match", "Invalid If-Match",
                    "If-Match must carry the version from an earlier answer, e.g. \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }
}
