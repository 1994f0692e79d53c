package vn.hdnd.query.ledger;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.hdnd.ledger.proofs.CheckpointSigner;

/** The ledger's settings and its signing key (see {@link LedgerKeys}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerProperties.class)
class LedgerConfiguration {

    @Bean
    CheckpointSigner ledgerSigner(LedgerProperties properties) {
        return LedgerKeys.load(properties);
    }
}
