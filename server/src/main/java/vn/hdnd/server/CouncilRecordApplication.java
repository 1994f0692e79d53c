package vn.hdnd.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The runnable record. Which side runs here (command, query or both) is chosen by {@code council.role}; see
 * {@link vn.hdnd.server.system.Roles}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CouncilRecordApplication {
    public static void main(String[] args) {
        SpringApplication.run(CouncilRecordApplication.class, args);
    }
}
