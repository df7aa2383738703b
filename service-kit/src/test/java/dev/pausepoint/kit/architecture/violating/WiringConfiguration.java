package dev.pausepoint.kit.architecture.violating;

import dev.pausepoint.kit.architecture.violating.stock.StockReport;
import dev.pausepoint.kit.architecture.violating.stock.StockProperties;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A root file wiring a feature: builds its bean and binds its properties. */
@Configuration
@EnableConfigurationProperties(StockProperties.class)
class WiringConfiguration {

    @Bean
    StockReport stockReport(DataSource dataSource) {
        return new StockReport(dataSource);
    }
}
