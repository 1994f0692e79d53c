package vn.hdnd.server.system;

import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's handler mapping and handler adapter, each replaced by one that does less per request for the same
 * answer: {@link PathFirstHandlerMapping} and {@link LeanHandlerAdapter}. Spring Boot takes one such registration.
 */
@Configuration(proxyBeanMethods = false)
class SpringMvcRegistrations {
    @Bean
    WebMvcRegistrations leanerRequestHandling() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PathFirstHandlerMapping();
            }

            @Override
            public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
                return new LeanHandlerAdapter();
            }
        };
    }
}
