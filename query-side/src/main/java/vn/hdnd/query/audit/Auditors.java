package vn.hdnd.query.audit;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Set;

/** Who may see who did what: event metadata (actor, reason, command id) is for AUDITOR and ADMIN only. */
final class Auditors {
    private static final Set<String> ROLES = Set.of("ROLE_AUDITOR", "ROLE_ADMIN");

    private Auditors() {
    }

    static boolean mayReadMetadata() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user != null && user.isAuthenticated() && user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(ROLES::contains);
    }
}
