package dev.pausepoint.page;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.springframework.boot.autoconfigure.JteAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class HostedPageAutoConfigurationTest {

    @Test
    void aServiceWithThisModuleAndPrecompiledTemplatesGetsItsPages() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JteAutoConfiguration.class, HostedPageAutoConfiguration.class))
                .withPropertyValues("gg.jte.use-precompiled-templates=true")
                .run(context -> assertThat(context.getBean(HostedPages.class).notice(200, "Hello", "Some text.").getBody())
                        .contains("<h1>Hello</h1>").contains("<p>Some text.</p>"));
    }
}
