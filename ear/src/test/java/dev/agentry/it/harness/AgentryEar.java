package dev.agentry.it.harness;

import dev.agentry.it.probe.AdminProbeResource;
import dev.agentry.it.probe.CatalogProbeResource;
import dev.agentry.it.probe.ClockProbe;
import dev.agentry.it.probe.ClusterProbeResource;
import dev.agentry.it.probe.ControlProbeResource;
import dev.agentry.it.probe.FailureProbeResource;
import dev.agentry.it.probe.JobProbeResource;
import dev.agentry.it.probe.ProbeBatchlet;
import dev.agentry.it.probe.ProbeConfigSource;
import dev.agentry.it.probe.ProbeJobs;
import dev.agentry.it.probe.PublicationProbeResource;
import dev.agentry.it.probe.PurgeFailureProbe;
import dev.agentry.it.probe.ReadinessProbe;
import dev.agentry.it.probe.RetentionProbeResource;
import dev.agentry.it.probe.RunProbeResource;
import dev.agentry.it.probe.SecretsProbeResource;
import dev.agentry.it.probe.SharedStateProbeResource;
import dev.agentry.it.probe.TokenProbeResource;
import dev.agentry.it.probe.WebhookProbeResource;
import dev.agentry.it.probe.WriteFailureProbe;
import java.io.File;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The EAR the build produced, deployed as it is plus test probes: a route that fails unexpectedly, a
 * readiness check that can be switched down, and a clock that can be moved. No production route can
 * be made to do these on purpose, and the error contract, readiness and expiry must be proven for
 * exactly those cases.
 */
public final class AgentryEar {

    static final String CORE_MODULE = "agentry-ejb-core.jar";
    static final String API_MODULE = "agentry-web-api.war";
    static final String BATCH_MODULE = "agentry-batch-jobs.jar";
    static final String[] PROBE_JOBS = {ProbeJobs.SLOW, ProbeJobs.FAIL, ProbeJobs.TICK, ProbeJobs.YEARLY};

    private final DeployableContainer<?> container;
    private final EnterpriseArchive archive;

    AgentryEar(DeployableContainer<?> container) {
        this.container = container;
        this.archive = withProbes(ShrinkWrap.createFromZipFile(EnterpriseArchive.class, builtEar()));
    }

    void deploy() throws DeploymentException {
        container.deploy(archive);
    }

    void undeploy() throws DeploymentException {
        container.undeploy(archive);
    }

    /** Stops and starts the deployed application again, as an operator's {@code redeploy} does. */
    public void redeploy() {
        Management.execute(Management.operation("redeploy", "deployment", archive.getName()));
    }

    private static File builtEar() {
        File ear = new File(System.getProperty("agentry.ear", "target/agentry.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("The EAR is not built: " + ear);
        }
        return ear;
    }

    private static EnterpriseArchive withProbes(EnterpriseArchive ear) {
        JavaArchive core = ear.getAsType(JavaArchive.class, CORE_MODULE)
                .addClasses(
                        ReadinessProbe.class,
                        ClockProbe.class,
                        ClockProbe.Shifted.class,
                        ProbeJobs.class,
                        PurgeFailureProbe.class,
                        WriteFailureProbe.class,
                        ProbeConfigSource.class)
                .addAsServiceProvider(ConfigSource.class, ProbeConfigSource.class)
                .addAsManifestResource("probe-jobs/microprofile-config.properties", "microprofile-config.properties");
        JavaArchive batch = ear.getAsType(JavaArchive.class, BATCH_MODULE).addClass(ProbeBatchlet.class);
        for (String job : PROBE_JOBS) {
            batch.addAsResource("probe-jobs/" + job + ".xml", "META-INF/batch-jobs/" + job + ".xml");
        }
        WebArchive api = ear.getAsType(WebArchive.class, API_MODULE)
                .addClasses(
                        FailureProbeResource.class,
                        CatalogProbeResource.class,
                        WebhookProbeResource.class,
                        RunProbeResource.class,
                        AdminProbeResource.class,
                        SecretsProbeResource.class,
                        TokenProbeResource.class,
                        PublicationProbeResource.class,
                        ControlProbeResource.class,
                        JobProbeResource.class,
                        RetentionProbeResource.class,
                        ClusterProbeResource.class,
                        SharedStateProbeResource.class);
        ear.delete(CORE_MODULE);
        ear.delete(API_MODULE);
        ear.delete(BATCH_MODULE);
        ear.add(core, "/", ZipExporter.class);
        ear.add(batch, "/", ZipExporter.class);
        ear.add(api, "/", ZipExporter.class);
        return ear;
    }
}
