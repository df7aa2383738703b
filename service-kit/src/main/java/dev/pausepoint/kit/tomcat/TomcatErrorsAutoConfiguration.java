package dev.pausepoint.kit.tomcat;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

/** Makes every service's Tomcat host render its own error reports with {@link EnvelopeErrorReportValve}. */
@AutoConfiguration
@ConditionalOnClass(StandardHost.class)
public class TomcatErrorsAutoConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> envelopeErrorReports() {
        // The host adds its error report valve by class name when it starts, after this has run.
        return factory -> factory.addContextCustomizers(context -> ((StandardHost) context.getParent())
                .setErrorReportValveClass(EnvelopeErrorReportValve.class.getName()));
    }
}
