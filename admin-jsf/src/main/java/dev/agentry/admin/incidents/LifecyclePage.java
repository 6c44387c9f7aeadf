package dev.agentry.admin.incidents;

import dev.agentry.core.lifecycle.CredentialRisk;
import dev.agentry.core.lifecycle.FeatureFlag;
import dev.agentry.core.lifecycle.LifecycleService;
import dev.agentry.core.policy.Grant;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Lifecycle risks by credential, worst first, each with its action and a link to the credential; the flags. */
@Named
@ViewScoped
public class LifecyclePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient LifecycleService lifecycle;

    private List<CredentialRisk> risks;
    private List<FeatureFlag> flags;

    @PostConstruct
    void load() {
        risks = lifecycle.risks(Grant.console());
        flags = lifecycle.flags();
    }

    public List<CredentialRisk> getRisks() {
        return risks;
    }

    public List<FeatureFlag> getFlags() {
        return flags;
    }
}
