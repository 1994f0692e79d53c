package vn.hdnd.server.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The demo profile's users, with passwords generated at each start and printed once. No other profile has a user
 * that nobody configured.
 */
@Component
@Profile("demo")
public class DemoAccounts {
    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);
    private final List<SecurityProperties.User> users;
    private final String adminPassword;

    DemoAccounts() {
        adminPassword = randomPassword();
        String clerk = randomPassword();
        String auditor = randomPassword();
        users = List.of(
                new SecurityProperties.User("demo-admin", "{noop}" + adminPassword, List.of("ADMIN"), List.of()),
                new SecurityProperties.User("demo-clerk", "{noop}" + clerk, List.of("CLERK"), List.of("vn-hn/**")),
                new SecurityProperties.User("demo-auditor", "{noop}" + auditor, List.of("AUDITOR"), List.of()));
        log.info("""

                Demo users (this start only):
                  demo-admin   / {}   (ADMIN)
                  demo-clerk   / {}   (CLERK for vn-hn/**)
                  demo-auditor / {}   (AUDITOR)""", adminPassword, clerk, auditor);
    }

    List<SecurityProperties.User> users() {
        return users;
    }

    public String adminUsername() {
        return "demo-admin";
    }

    public String adminPassword() {
        return adminPassword;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
