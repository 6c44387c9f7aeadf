package dev.agentry.core.webhooks;

import dev.agentry.core.policy.Cidr;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The operator's webhook settings, read once. */
@ApplicationScoped
class WebhookSettings {

    @Inject
    @ConfigProperty(name = "agentry.webhooks.allowed-ranges")
    Optional<List<String>> allowedRanges;

    @Inject
    @ConfigProperty(name = "agentry.webhooks.secret-overlap", defaultValue = "PT24H")
    Duration secretOverlap;

    @Inject
    @ConfigProperty(name = "agentry.webhooks.disable-after", defaultValue = "P5D")
    Duration disableAfter;

    private volatile WebhookUrlGuard guard;

    /** The SSRF guard with the operator's allowed ranges; a malformed range stops the deployment. */
    public WebhookUrlGuard guard() {
        if (guard == null) {
            List<Cidr> allowed = allowedRanges.orElse(List.of()).stream()
                    .map(String::strip)
                    .filter(entry -> !entry.isEmpty())
                    .map(entry -> Cidr.parse(entry)
                            .orElseThrow(() -> new IllegalStateException(
                                    "agentry.webhooks.allowed-ranges: " + entry + " is not an address or CIDR")))
                    .toList();
            guard = new WebhookUrlGuard(allowed, InetAddress::getAllByName);
        }
        return guard;
    }

    public Duration secretOverlap() {
        return secretOverlap;
    }

    /** How long a subscription may fail every delivery before it is disabled. */
    public Duration disableAfter() {
        return disableAfter;
    }
}
