package vn.hdnd.server.system;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import vn.hdnd.ledger.proofs.TreeHasher;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic checks the password on every request, and a bcrypt check costs tens of milliseconds of CPU: a clerk's
 * tool sending thousands of commands would spend most of its time there. A successful check is remembered for a
 * minute under the SHA-256 of the credentials (never the password itself); a failed one is never remembered.
 */
class CachingPasswordAuthentication implements AuthenticationProvider {
    private static final Duration TTL = Duration.ofMinutes(1);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Authentication authentication, Instant expires) {
    }

    private final DaoAuthenticationProvider delegate;
    private final Clock clock;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    CachingPasswordAuthentication(DaoAuthenticationProvider delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String key = key(authentication.getName(), String.valueOf(authentication.getCredentials()));
        Instant now = clock.instant();
        Entry cached = cache.get(key);
        if (cached != null && cached.expires().isAfter(now)) {
            return cached.authentication();
        }
        Authentication result = delegate.authenticate(authentication);
        if (result != null) {
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(key, new Entry(result, now.plus(TTL)));
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** SHA-256 of the name, a zero byte and the password (a digest cloned, not looked up among the providers). */
    private static String key(String username, String password) {
        byte[] name = username.getBytes(StandardCharsets.UTF_8);
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        byte[] credentials = new byte[name.length + 1 + secret.length];
        System.arraycopy(name, 0, credentials, 0, name.length);
        System.arraycopy(secret, 0, credentials, name.length + 1, secret.length);
        return HexFormat.of().formatHex(TreeHasher.sha256(credentials));
    }
}
