package vn.hdnd.server.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import vn.hdnd.command.dispatch.CouncilScopes;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Anonymous users read the public projections, the dashboard and the ledger; commands need a CLERK whose scope covers
 * the council (checked by the command dispatcher) or an ADMIN. There is no default user: users come from
 * {@code council.security.users} (or the demo profile), or from a JWT issuer.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
    static final String SECURITY_FILTER_CHAIN = "springSecurityFilterChain";
    /** Spring Security's wrapper that looks up the request's handler first (see noHandlerLookupBeforeSecurity). */
    static final String HANDLER_LOOKUP_WRAPPER = "WebMvcSecurityConfiguration$CompositeFilterChainProxy";

    @Bean
    SecurityFilterChain api(HttpSecurity http, SecurityProperties properties, ObjectMapper json,
                            UserDetailsService users, PasswordEncoder encoder) throws Exception {
        http.authenticationManager(passwordChecks(users, encoder))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Nothing to sign out of, no session to keep a request in, and no caller of the servlet API's user
                // methods (the code reads Spring Security's context): three filters fewer on every request.
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .servletApi(servletApi -> servletApi.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/**", "/", "/index.html", "/assets/**", "/favicon.ico",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/health/**",
                                "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"council-record\"");
                    writeProblem(response, json, HttpStatus.UNAUTHORIZED, "unauthenticated", "Not authenticated",
                            "sign in (HTTP Basic or a Bearer token) to issue commands");
                }))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Basic realm=\"council-record\"");
                            writeProblem(response, json, HttpStatus.UNAUTHORIZED, "unauthenticated",
                                    "Not authenticated", "sign in (HTTP Basic or a Bearer token) to issue commands");
                        })
                        .accessDeniedHandler((request, response, e) -> writeProblem(response, json,
                                HttpStatus.FORBIDDEN, "forbidden", "Not allowed", "your role does not allow this")));
        if (properties.jwt().issuerUri() != null && !properties.jwt().issuerUri().isBlank()) {
            String issuer = properties.jwt().issuerUri();
            // Lazy: the issuer is contacted on the first bearer token, not at start-up.
            http.oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt
                    .decoder(new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(issuer)))
                    .jwtAuthenticationConverter(SecurityConfiguration::fromClaims)));
        }
        return http.build();
    }

    /** Roles from the {@code roles} claim, council scopes from {@code councils}, the name from preferred_username. */
    static AbstractAuthenticationToken fromClaims(Jwt jwt) {
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        Stream.ofNullable(jwt.getClaimAsStringList("roles")).flatMap(List::stream)
                .forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        Stream.ofNullable(jwt.getClaimAsStringList("councils")).flatMap(List::stream)
                .forEach(scope -> authorities.add(new SimpleGrantedAuthority(CouncilScopes.AUTHORITY_PREFIX + scope)));
        String name = jwt.getClaimAsString("preferred_username");
        return new JwtAuthenticationToken(jwt, authorities, name != null ? name : jwt.getSubject());
    }

    static void writeProblem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String type,
                             String title, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:hdnd:problem:" + type));
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /**
     * No observations of Spring Security's own: it wraps each of its ~15 filters in one per request (a timer and its
     * tags), 13% of a request thread's time in a profile of the command mix, and the decorator remained even with the
     * observations turned off. {@code http.server.requests} still times every request.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The request matchers match path patterns themselves: by default they ask Spring MVC's handler mappings on every
     * request, a second handler lookup per request besides the dispatcher's.
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean pathPatternMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /**
     * Spring Security wraps its filters in one that first asks every Spring MVC handler mapping for the request's
     * handler and keeps the answer for MVC request matchers and CORS. This application uses neither (its matchers
     * match path patterns, above; CORS is not configured), so that was a second handler lookup per request besides
     * the dispatcher's: 7% of a request thread's time in a profile of the command mix. A bean factory post-processor
     * runs after every registry post-processor, Spring Security's wrapping included; this one puts the wrapped chain
     * back in its place. {@code SecurityFilterChainTest} fails if a Spring Security upgrade changes the wrapping.
     */
    @Bean
    static BeanFactoryPostProcessor noHandlerLookupBeforeSecurity() {
        return beanFactory -> {
            if (!(beanFactory instanceof BeanDefinitionRegistry registry)
                    || !registry.containsBeanDefinition(SECURITY_FILTER_CHAIN)) {
                return;
            }
            BeanDefinition chain = unwrapped(registry.getBeanDefinition(SECURITY_FILTER_CHAIN));
            if (chain != null) {
                registry.removeBeanDefinition(SECURITY_FILTER_CHAIN);
                registry.registerBeanDefinition(SECURITY_FILTER_CHAIN, chain);
            }
        };
    }

    /** The chain inside Spring Security's handler-lookup wrapper, or null if the definition is not that wrapper. */
    private static BeanDefinition unwrapped(BeanDefinition definition) {
        if (definition.getBeanClassName() == null || !definition.getBeanClassName().endsWith(HANDLER_LOOKUP_WRAPPER)) {
            return null;
        }
        var filters = definition.getConstructorArgumentValues().getIndexedArgumentValue(0, List.class);
        if (filters == null || !(filters.getValue() instanceof List<?> list)) {
            return null;
        }
        List<BeanDefinition> others = list.stream().filter(BeanDefinition.class::isInstance)
                .map(BeanDefinition.class::cast)
                .filter(filter -> !String.valueOf(filter.getBeanClassName()).contains("HandlerMappingIntrospector"))
                .toList();
        return others.size() == 1 ? others.get(0) : null;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Configured passwords stay as configured (no silent re-encoding), and checks are cached briefly. */
    private static AuthenticationManager passwordChecks(UserDetailsService users, PasswordEncoder encoder) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new ProviderManager(new CachingPasswordAuthentication(passwords, Clock.systemUTC()));
    }

    @Bean
    UserDetailsService users(SecurityProperties properties, ObjectProvider<DemoAccounts> demo) {
        List<SecurityProperties.User> all = new ArrayList<>(properties.users());
        demo.ifAvailable(accounts -> all.addAll(accounts.users()));
        return new InMemoryUserDetailsManager(all.stream().map(SecurityConfiguration::toUserDetails).toList());
    }

    private static UserDetails toUserDetails(SecurityProperties.User user) {
        if (user.password() == null || !user.password().startsWith("{")) {
            throw new IllegalStateException("council.security.users: the password of " + user.username()
                    + " must be an encoded value such as {bcrypt}…");
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        Stream.ofNullable(user.roles()).flatMap(List::stream)
                .forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase())));
        Stream.ofNullable(user.councils()).flatMap(List::stream)
                .forEach(scope -> authorities.add(new SimpleGrantedAuthority(CouncilScopes.AUTHORITY_PREFIX + scope)));
        return User.withUsername(user.username()).password(user.password()).authorities(authorities).build();
    }
}
