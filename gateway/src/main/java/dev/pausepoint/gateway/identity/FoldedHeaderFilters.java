package dev.pausepoint.gateway.identity;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;

/**
 * Takes out of the routing call the request header filters of Spring Cloud Gateway whose work
 * {@link SignedIdentityFilter} does in its one copy of the headers: the removal of the client's
 * {@code Forwarded} and of its {@code X-Forwarded-*} headers (registered because the gateway builds
 * neither), and the hop-by-hop removal on requests. Each copied every header, lower-casing its name, on
 * every forwarded request (docs/benchmark.md, "Where the CPU goes"). The hop-by-hop removal stays for the
 * services' answers. A filter registered under another name by a later Spring Cloud Gateway stays in the
 * chain and only repeats what the identity filter has removed; {@code HeaderFiltersTest} names the ones
 * expected.
 */
class FoldedHeaderFilters implements BeanDefinitionRegistryPostProcessor {

    private static final String FORWARDED_REMOVAL = "removeForwardedHeadersFilter";
    private static final String X_FORWARDED_REMOVAL = "removeXForwardedHeadersFilter";
    private static final String HOP_BY_HOP_REMOVAL = "removeHopByHopHeadersFilter";

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        for (String name : new String[] {FORWARDED_REMOVAL, X_FORWARDED_REMOVAL}) {
            if (registry.containsBeanDefinition(name)) {
                registry.removeBeanDefinition(name);
            }
        }
        if (registry.containsBeanDefinition(HOP_BY_HOP_REMOVAL)) {
            registry.removeBeanDefinition(HOP_BY_HOP_REMOVAL);
            registry.registerBeanDefinition(HOP_BY_HOP_REMOVAL, new RootBeanDefinition(AnswerHopByHopFilter.class));
        }
    }

    /** Spring Cloud Gateway's hop-by-hop removal, for the services' answers only. */
    static class AnswerHopByHopFilter extends RemoveHopByHopHeadersFilter {

        @Override
        public boolean supports(Type type) {
            return type == Type.RESPONSE;
        }
    }
}
