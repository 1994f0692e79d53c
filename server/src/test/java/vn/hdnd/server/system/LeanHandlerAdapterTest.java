package vn.hdnd.server.system;

import jakarta.validation.constraints.Min;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.validation.method.MethodValidationException;
import org.springframework.validation.method.MethodValidator;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod;
import vn.hdnd.server.support.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Spring MVC invokes handlers through {@link LeanHandlerAdapter}: a method without constraints is invoked without the
 * method validator, and one with constraints is validated as before.
 */
@PostgresTest
class LeanHandlerAdapterTest {
    @Autowired
    @Qualifier("requestMappingHandlerAdapter")
    RequestMappingHandlerAdapter adapter;

    static class Handlers {
        int unconstrained(Integer count) {
            return count;
        }

        int constrained(@Min(1) Integer count) {
            return count;
        }
    }

    @Test
    void aMethodWithoutConstraintsIsInvokedWithoutTheValidator() throws Exception {
        assertThat(adapter).isInstanceOf(LeanHandlerAdapter.class);
        MethodValidator validator = mock(MethodValidator.class);
        ServletInvocableHandlerMethod method = invocable("unconstrained");
        method.setMethodValidator(validator);

        assertThat(method.invokeForRequest(request(), null, 0)).isEqualTo(0);
        verify(validator, never()).determineValidationGroups(any(), any());
        verify(validator, never()).applyArgumentValidation(any(), any(), any(), any(), any());
    }

    @Test
    void aMethodWithConstraintsIsValidatedAsBefore() throws Exception {
        ServletInvocableHandlerMethod method = invocable("constrained");
        method.setMethodValidator(adapterValidator());

        assertThatThrownBy(() -> method.invokeForRequest(request(), null, 0))
                .isInstanceOfAny(HandlerMethodValidationException.class, MethodValidationException.class);
        assertThat(method.invokeForRequest(request(), null, 2)).isEqualTo(2);
    }

    private ServletInvocableHandlerMethod invocable(String name) throws NoSuchMethodException {
        // As Spring MVC registers a handler: with its flags saying whether it has constraints.
        HandlerMethod handler = new HandlerMethod(new Handlers(), Handlers.class.getDeclaredMethod(name, Integer.class))
                .createWithValidateFlags();
        return ((LeanHandlerAdapter) adapter).createInvocableHandlerMethod(handler);
    }

    /** The validator Spring MVC configured on the adapter, which it hands each invocation. */
    private MethodValidator adapterValidator() {
        return (MethodValidator) ReflectionTestUtils.getField(adapter, "methodValidator");
    }

    private static ServletWebRequest request() {
        return new ServletWebRequest(new MockHttpServletRequest(), new MockHttpServletResponse());
    }
}
