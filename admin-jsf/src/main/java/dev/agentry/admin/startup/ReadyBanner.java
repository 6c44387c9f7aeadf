package dev.agentry.admin.startup;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Logs where the API and the console are. The EAR starts its modules in order with the console
 * last, so the line appears once everything else is up.
 */
@WebListener
public class ReadyBanner implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(ReadyBanner.class);

    @Inject
    @ConfigProperty(name = "agentry.public-url")
    Optional<String> publicUrl;

    @Inject
    @ConfigProperty(name = "jboss.bind.address", defaultValue = "127.0.0.1")
    String bindAddress;

    @Inject
    @ConfigProperty(name = "jboss.http.port", defaultValue = "8080")
    int httpPort;

    @Inject
    @ConfigProperty(name = "jboss.socket.binding.port-offset", defaultValue = "0")
    int portOffset;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String base = publicUrl.map(url -> url.replaceAll("/+$", "")).orElseGet(this::localUrl);
        LOG.infof(
                "Agentry is ready. API: %s/api/v1 (OpenAPI: %s/api/v1/openapi.json) Console: %s/admin/",
                base, base, base);
    }

    private String localUrl() {
        String host = bindAddress.equals("0.0.0.0") || bindAddress.equals("127.0.0.1") ? "localhost" : bindAddress;
        return "http://" + host + ":" + (httpPort + portOffset);
    }
}
