package vn.hdnd.server.system;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A good password is checked once a minute at most; a wrong one is checked every time and never let through. */
class CachingPasswordAuthenticationTest {
    private final AtomicInteger checks = new AtomicInteger();
    private Instant now = Instant.parse("2026-11-27T08:00:00Z");
    private final CachingPasswordAuthentication authentication = new CachingPasswordAuthentication(passwords(),
            new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            });

    @Test
    void aGoodPasswordIsRememberedForAMinute() {
        assertThat(authentication.authenticate(login("clerk", "secret")).isAuthenticated()).isTrue();
        assertThat(authentication.authenticate(login("clerk", "secret")).getName()).isEqualTo("clerk");
        assertThat(checks).hasValue(1);

        now = now.plus(Duration.ofSeconds(61));
        authentication.authenticate(login("clerk", "secret"));
        assertThat(checks).as("checked again once the minute is over").hasValue(2);
    }

    @Test
    void aWrongPasswordIsNeverRememberedNorServedFromTheCache() {
        authentication.authenticate(login("clerk", "secret"));
        for (String wrong : new String[]{"secret2", "secre", "", "secret\0"}) {
            assertThatThrownBy(() -> authentication.authenticate(login("clerk", wrong)))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> authentication.authenticate(login("clerk", "secret2")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(6);
    }

    @Test
    void theNameIsPartOfWhatIsRemembered() {
        authentication.authenticate(login("clerk", "secret"));
        // "clerk" + "secret" and "clerks" + "ecret" must not share a key.
        assertThatThrownBy(() -> authentication.authenticate(login("clerks", "ecret")))
                .isInstanceOf(BadCredentialsException.class);
    }

    private static UsernamePasswordAuthenticationToken login(String name, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(name, password);
    }

    private DaoAuthenticationProvider passwords() {
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return raw.toString();
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                checks.incrementAndGet();
                return raw.toString().equals(encoded);
            }
        };
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(
                User.withUsername("clerk").password("secret").roles("CLERK").build(),
                User.withUsername("clerks").password("other").roles("CLERK").build()));
        provider.setPasswordEncoder(counting);
        return provider;
    }
}
