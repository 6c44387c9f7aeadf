package dev.agentry.it.harness;

import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.enricher.resource.ResourceProvider;

/**
 * Deploys the EAR when the container has started and undeploys it before the container stops, so
 * the whole suite shares one deployment instead of redeploying per test class. Tests that need the
 * deployment itself (to redeploy it) inject {@link AgentryEar} with {@code @ArquillianResource}.
 */
public class SuiteDeploymentExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(SuiteDeployer.class);
        builder.service(ResourceProvider.class, AgentryEarProvider.class);
    }
}
