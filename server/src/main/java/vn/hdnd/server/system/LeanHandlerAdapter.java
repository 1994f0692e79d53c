package vn.hdnd.server.system;

import org.springframework.validation.method.MethodValidator;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod;

/**
 * Spring MVC's handler adapter, except that a handler method with no constraint on its parameters or its return value
 * gets no method validator. Spring MVC hands every invocation the validator, which looks up the method's validation
 * groups by an annotation search each time, for methods it then does not validate: 4% of a command's request-thread
 * time (JFR, bench/README.md). A {@code @Valid} body is validated as before, by its argument resolver, and a method
 * with constraints gets the validator as before.
 */
class LeanHandlerAdapter extends RequestMappingHandlerAdapter {

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
