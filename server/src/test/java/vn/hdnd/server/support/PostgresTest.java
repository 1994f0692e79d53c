package vn.hdnd.server.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import vn.hdnd.server.CouncilRecordApplication;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An end-to-end test: the whole server on a random port, on a fresh PostgreSQL database. The application is named, so
 * that a test in a package outside {@code vn.hdnd.server} (one reaching package-private command-side classes) runs on
 * the same server and shares its context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = CouncilRecordApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PostgresTestDatabase.class)
@ActiveProfiles("test")
public @interface PostgresTest {
}
