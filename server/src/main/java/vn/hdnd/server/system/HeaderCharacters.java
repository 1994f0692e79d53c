package vn.hdnd.server.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's firewall with its own rule for header names and values, checked without a regular expression.
 * The firewall checks each header every time it is read, and a request's headers are read several times on the way
 * to its handler (all of them each time Spring MVC reads a body): its regular expressions were 5% of a command's time
 * on its request thread (JFR, bench/README.md). The rule is the firewall's: every character assigned in Unicode and
 * none a control character, except that a value may hold tabs ({@code HeaderCharactersTest} compares both).
 */
@Configuration(proxyBeanMethods = false)
class HeaderCharacters {

    @Bean
    StrictHttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(name -> allowed(name, false));
        firewall.setAllowedHeaderValues(value -> allowed(value, true));
        return firewall;
    }

    /**
     * A request the firewall refuses before any handler (a path holding {@code //} or an encoded slash, a header it
     * refuses while the security filters read it) is answered 400 with Problem Details, as every client error is;
     * by default it went to the servlet container's error page, answered in Spring Boot's own error format.
     */
    @Bean
    RequestRejectedHandler problemDetailsForRejectedRequests(ObjectMapper json) {
        return (request, response, rejected) -> SecurityConfiguration.writeProblem(response, json,
                HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                "the request was refused: " + rejected.getMessage());
    }

    /** As {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, or with a tab allowed too. */
    static boolean allowed(String text, boolean tab) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int type = Character.getType(c);
            if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tab && c == '\t')) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }
}
