package vn.hdnd.query.support;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Which database the projections write: PostgreSQL, or the embedded H2 default. */
public final class Databases {
    private Databases() {
    }

    /** True on PostgreSQL, where a projection may take a cheaper path than standard SQL's. */
    public static boolean isPostgres(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
    }
}
