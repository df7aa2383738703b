package dev.pausepoint.kit;

import java.io.IOException;
import java.util.List;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PropertySourceFactory;

/**
 * Lets an opt-in piece bring its own defaults as one YAML document through {@code @PropertySource}: they
 * join the environment only in services that enable the piece, beneath the service's application.yml and
 * environment variables, which still override them key by key.
 */
public class YamlPropertySourceFactory implements PropertySourceFactory {

    @Override
    public PropertySource<?> createPropertySource(String name, EncodedResource resource) throws IOException {
        String sourceName = name != null ? name : resource.getResource().getDescription();
        List<PropertySource<?>> documents = new YamlPropertySourceLoader().load(sourceName, resource.getResource());
        if (documents.size() != 1) {
            throw new IllegalStateException(resource.getResource().getDescription() + " must hold one YAML document");
        }
        return documents.get(0);
    }
}
