package dev.agentry.it.harness;

import java.lang.annotation.Annotation;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.arquillian.test.spi.enricher.resource.ResourceProvider;

/** Lets a test inject the suite's deployment with {@code @ArquillianResource AgentryEar}. */
public class AgentryEarProvider implements ResourceProvider {

    @Inject
    private Instance<AgentryEar> ear;

    @Override
    public boolean canProvide(Class<?> type) {
        return AgentryEar.class.isAssignableFrom(type);
    }

    @Override
    public Object lookup(ArquillianResource resource, Annotation... qualifiers) {
        return ear.get();
    }
}
