package dev.mast.workflow.sim;

import dev.mast.plan.Plan;

/** A simulated run's plan with one setting changed. */
final class TestPlanChanges {
    private TestPlanChanges() {
    }

    static Plan withVersion(Plan p, String version) {
        return new Plan(p.name(), version, p.runtime(), p.podCidr(), p.serviceCidr(), p.dnsDomain(), p.apiServerPort(),
                p.controlPlaneEndpoint(), p.nodes(), p.extraFlags(), p.ssh(), p.clusterDns(), p.podNetwork(), p.apiServerCert(), p.sources());
    }
}
