package vn.hdnd.command.dispatch;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who may command which council. A CLERK carries scopes, granted as authorities {@code COUNCIL:<scope>}: a council id
 * ({@code vn-hn-ba-vi}) or a council and everything below it ({@code vn-hn/**}). Council ids nest under their
 * parent's id (enforced when a council is established), so the tree is a prefix. An ADMIN may command every council.
 */
public final class CouncilScopes {
    public static final String AUTHORITY_PREFIX = "COUNCIL:";
    public static final String ROLE_ADMIN = "ROLE_ADMIN";
    public static final String ROLE_CLERK = "ROLE_CLERK";
    public static final String ROLE_AUDITOR = "ROLE_AUDITOR";

    private CouncilScopes() {
    }

    public static boolean mayCommand(Authentication user, String councilId) {
        if (user == null) {
            return false;
        }
        boolean clerk = false;
        for (GrantedAuthority authority : user.getAuthorities()) {
            String name = authority.getAuthority();
            if (ROLE_ADMIN.equals(name)) {
                return true;
            }
            clerk |= ROLE_CLERK.equals(name);
        }
        return clerk && user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(AUTHORITY_PREFIX))
                .anyMatch(a -> covers(a.substring(AUTHORITY_PREFIX.length()), councilId));
    }

    static boolean covers(String scope, String councilId) {
        if (scope.endsWith("/**")) {
            String root = scope.substring(0, scope.length() - 3);
            return councilId.equals(root) || councilId.startsWith(root + "-");
        }
        return councilId.equals(scope);
    }
}
