package vn.hdnd.server.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code council.security.users}: users with an encoded password ({@code {bcrypt}…}), roles (CLERK, AUDITOR, ADMIN)
 * and council scopes ({@code vn-hn-ba-vi} or {@code vn-hn/**}). {@code council.security.jwt.issuer-uri}: accept
 * bearer tokens from that OIDC issuer, with roles in the {@code roles} claim and scopes in the {@code councils} claim.
 */
@ConfigurationProperties("council.security")
public record SecurityProperties(List<User> users, Jwt jwt) {
    public record User(String username, String password, List<String> roles, List<String> councils) {
    }

    public record Jwt(String issuerUri) {
    }

    public SecurityProperties {
        users = users == null ? List.of() : users;
        jwt = jwt == null ? new Jwt(null) : jwt;
    }
}
