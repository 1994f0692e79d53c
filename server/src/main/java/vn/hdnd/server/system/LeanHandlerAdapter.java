package vn.hdnd.server.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.validation.SmartValidator;
import org.springframework.validation.method.MethodValidator;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spring MVC's handler adapter, doing less per request for the same answer:
 * <ul>
 * <li>a handler method shaped as the command endpoints are is invoked directly ({@link DirectJsonInvocation});</li>
 * <li>a handler method with no constraint on its parameters or its return value gets no method validator. Spring MVC
 * hands every invocation the validator, which looks up the method's validation groups by an annotation search each
 * time, for methods it then does not validate: 4% of a command's request-thread time (JFR, bench/README.md). A
 * {@code @Valid} body is validated as before, by its argument resolver, and a method with constraints gets the
 * validator as before.</li>
 * </ul>
 */
class LeanHandlerAdapter extends RequestMappingHandlerAdapter {
    private final Map<Method, Optional<DirectJsonInvocation>> direct = new ConcurrentHashMap<>();

    @Override
    protected ModelAndView handleInternal(HttpServletRequest request, HttpServletResponse response,
                                          HandlerMethod handler) throws Exception {
        Optional<DirectJsonInvocation> invocation = directInvocation(handler);
        if (invocation.isPresent() && DirectJsonInvocation.covers(request)) {
            invocation.get().invoke(handler.getBean(), request, response);
            return null;
        }
        return super.handleInternal(request, response, handler);
    }

    boolean invokesDirectly(HandlerMethod handler) {
        return directInvocation(handler).isPresent();
    }

    private Optional<DirectJsonInvocation> directInvocation(HandlerMethod handler) {
        Optional<DirectJsonInvocation> invocation = direct.get(handler.getMethod());
        return invocation != null ? invocation
                : direct.computeIfAbsent(handler.getMethod(), m -> Optional.ofNullable(plan(handler)));
    }

    private DirectJsonInvocation plan(HandlerMethod handler) {
        if (!(getWebBindingInitializer() instanceof ConfigurableWebBindingInitializer initializer
                && initializer.getValidator() instanceof SmartValidator validator)) {
            return null;
        }
        return getMessageConverters().stream()
                .filter(converter -> converter instanceof MappingJackson2HttpMessageConverter)
                .findFirst()
                .map(converter -> DirectJsonInvocation.of(handler, getCustomArgumentResolvers() == null
                                ? List.of() : getCustomArgumentResolvers(),
                        ((MappingJackson2HttpMessageConverter) converter).getObjectMapper(), validator))
                .orElse(null);
    }

    @Override
    protected ServletInvocableHandlerMethod createInvocableHandlerMethod(HandlerMethod handlerMethod) {
        return new ServletInvocableHandlerMethod(handlerMethod) {
            @Override
            public void setMethodValidator(MethodValidator validator) {
                super.setMethodValidator(shouldValidateArguments() || shouldValidateReturnValue() ? validator : null);
            }
        };
    }
}
