package dev.pausepoint.dashboard.web;

import dev.pausepoint.dashboard.DashboardProperties;
import dev.pausepoint.identity.RequestSigner;
import gg.jte.TemplateEngine;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new SignedInResolver());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RequestSigner requestSigner(@Value("${pausepoint.internal-secret:}") String secret) {
        return new RequestSigner(secret);
    }

    @Bean
    DashboardKeys dashboardKeys(@Value("${pausepoint.internal-secret:}") String secret) {
        return new DashboardKeys(secret);
    }

    @Bean
    SessionCookie sessionCookie(DashboardKeys keys) {
        return new SessionCookie(keys);
    }

    @Bean
    Csrf csrf(DashboardKeys keys) {
        return new Csrf(keys);
    }

    @Bean
    BrowserCookies browserCookies(SessionCookie sessions, DashboardProperties properties, Clock clock) {
        return new BrowserCookies(sessions, properties.secureCookies(), clock);
    }

    @Bean
    OneTimeSecrets oneTimeSecrets(DashboardKeys keys, BrowserCookies cookies, Clock clock) {
        return new OneTimeSecrets(keys, cookies, clock);
    }

    @Bean
    Pages pages(TemplateEngine templates, DashboardProperties properties) {
        return new Pages(templates, properties);
    }

    @Bean
    FilterRegistrationBean<BrowserFilter> browserFilter(RequestSigner signer, SessionCookie sessions, Csrf csrf,
            Pages pages, BrowserCookies cookies, Clock clock) {
        FilterRegistrationBean<BrowserFilter> registration = new FilterRegistrationBean<>(
                new BrowserFilter(signer, sessions, csrf, pages, cookies, clock));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
