package vn.hdnd.server.system;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import vn.hdnd.command.dispatch.CouncilScopes;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A bearer token's claims become the same roles and council scopes as a configured user's. */
class JwtClaimsTest {

    private static Jwt.Builder token() {
        return Jwt.withTokenValue("token").header("alg", "RS256").subject("0f3a-sub");
    }

    private static List<String> authorities(AbstractAuthenticationToken user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    @Test
    void rolesAndCouncilsClaimsBecomeRolesAndScopes() {
        AbstractAuthenticationToken clerk = SecurityConfiguration.fromClaims(token()
                .claim("roles", List.of("CLERK", "AUDITOR"))
                .claim("councils", List.of("vn-hn/**", "vn-hcm-q1"))
                .claim("preferred_username", "clerk-hn")
                .build());

        assertThat(clerk.getName()).isEqualTo("clerk-hn");
        assertThat(authorities(clerk)).containsExactlyInAnyOrder(CouncilScopes.ROLE_CLERK,
                CouncilScopes.ROLE_AUDITOR, "COUNCIL:vn-hn/**", "COUNCIL:vn-hcm-q1");
        assertThat(CouncilScopes.mayCommand(clerk, "vn-hn-ba-vi")).isTrue();
        assertThat(CouncilScopes.mayCommand(clerk, "vn-hcm-q1")).isTrue();
        assertThat(CouncilScopes.mayCommand(clerk, "vn-hcm-q2")).isFalse();
    }

    @Test
    void aTokenWithoutClaimsGrantsNothingAndIsNamedByItsSubject() {
        AbstractAuthenticationToken nobody = SecurityConfiguration.fromClaims(token().build());

        assertThat(nobody.getName()).isEqualTo("0f3a-sub");
        assertThat(nobody.getAuthorities()).isEmpty();
        assertThat(CouncilScopes.mayCommand(nobody, "vn-hn")).isFalse();
    }

    @Test
    void anAdminRoleClaimMayCommandEveryCouncil() {
        AbstractAuthenticationToken admin = SecurityConfiguration.fromClaims(token()
                .claim("roles", List.of("ADMIN")).build());

        assertThat(authorities(admin)).containsExactly(CouncilScopes.ROLE_ADMIN);
        assertThat(CouncilScopes.mayCommand(admin, "vn-anywhere")).isTrue();
    }
}
