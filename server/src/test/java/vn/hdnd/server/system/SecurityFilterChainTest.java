package vn.hdnd.server.system;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import vn.hdnd.server.support.Api;
import vn.hdnd.server.support.PostgresTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security's filters run without its handler-lookup wrapper ({@code noHandlerLookupBeforeSecurity}), and still
 * guard every request. Fails when a Spring Security upgrade wraps its chain differently.
 */
@PostgresTest
class SecurityFilterChainTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void theSecurityFilterChainIsNotWrappedInAHandlerLookup() {
        Object chain = context.getBean(SecurityConfiguration.SECURITY_FILTER_CHAIN);
        assertThat(chain.getClass().getName()).doesNotEndWith(SecurityConfiguration.HANDLER_LOOKUP_WRAPPER);
        assertThat(chain.getClass().getName()).startsWith("org.springframework.security.");
    }

    @Test
    void runsNoFilterThatAStatelessApiDoesNotNeed() {
        var chain = context.getBean(org.springframework.security.web.SecurityFilterChain.class);
        assertThat(chain.getFilters()).extracting(filter -> filter.getClass().getSimpleName())
                .contains("BasicAuthenticationFilter", "AuthorizationFilter", "HeaderWriterFilter")
                .doesNotContain("LogoutFilter", "RequestCacheAwareFilter", "SecurityContextHolderAwareRequestFilter");
    }

    @Test
    void everyRequestIsStillGuarded() {
        Api anonymous = Api.at(port);
        Map<String, Object> council = Map.of("id", "vn-sf", "name", "HĐND tỉnh SF", "tier", "PROVINCE",
                "establishedOn", "2008-08-01");
        assertThat(anonymous.post("/api/v1/councils", council).status()).isEqualTo(401);
        assertThat(anonymous.as("test-clerk", "test-clerk-pw").get("/api/v1/admin/ledger/completeness").status())
                .isEqualTo(403);
        assertThat(anonymous.as("admin", "admin-pw").post("/api/v1/councils", council).status()).isEqualTo(201);
        assertThat(anonymous.get("/api/v1/councils").status()).isEqualTo(200);
    }
}
