package dev.agentry.it.harness;

import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.event.container.AfterStart;
import org.jboss.arquillian.container.spi.event.container.BeforeStop;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.ApplicationScoped;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;

/** The suite's single deployment, tied to the container's life. */
public class SuiteDeployer {

    @Inject
    @ApplicationScoped
    private InstanceProducer<AgentryEar> ear;

    public void deploy(@Observes AfterStart started) throws DeploymentException {
        AgentryEar deployment = new AgentryEar(started.getDeployableContainer());
        deployment.deploy();
        ear.set(deployment);
    }

    public void undeploy(@Observes BeforeStop stopping) throws DeploymentException {
        AgentryEar deployment = ear.get();
        if (deployment != null) {
            deployment.undeploy();
        }
    }
}
