package dev.pausepoint.page;

import gg.jte.TemplateEngine;
import gg.jte.springframework.boot.autoconfigure.JteAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;

/**
 * For services that depend on this module. The engine is JTE's, in precompiled mode
 * ({@code gg.jte.use-precompiled-templates: true} in the service's configuration), so it finds this
 * module's layout and the service's own templates as classes. The stylesheet is read here, at startup,
 * so a missing one stops the service instead of its first page.
 */
@AutoConfiguration(after = JteAutoConfiguration.class)
public class HostedPageAutoConfiguration {

    @Bean
    HostedPages hostedPages(TemplateEngine templates) {
        return new HostedPages(templates, Stylesheet.load(new ClassPathResource(Stylesheet.RESOURCE)));
    }
}
