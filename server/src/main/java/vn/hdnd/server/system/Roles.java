package vn.hdnd.server.system;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * {@code council.role}: {@code all} (default), {@code command} or {@code query}. A side that does not run here is not
 * even scanned, so its endpoints, aggregates and event processors do not exist in this process.
 */
public final class Roles {
    private Roles() {
    }

    static boolean runs(ConditionContext context, String side) {
        String role = context.getEnvironment().getProperty("council.role", "all").trim().toLowerCase();
        if (!role.equals("all") && !role.equals("command") && !role.equals("query")) {
            throw new IllegalStateException("council.role must be all, command or query, not '" + role + "'");
        }
        return role.equals("all") || role.equals(side);
    }

    static class CommandSide implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return runs(context, "command");
        }
    }

    static class QuerySide implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return runs(context, "query");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(CommandSide.class)
    @ComponentScan("vn.hdnd.command")
    static class CommandRole {
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(QuerySide.class)
    @ComponentScan("vn.hdnd.query")
    static class QueryRole {
    }
}
