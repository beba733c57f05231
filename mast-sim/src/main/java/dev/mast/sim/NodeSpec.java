package dev.mast.sim;

import dev.mast.plan.ContainerRuntime;
import dev.mast.plan.Role;
import dev.mast.sim.machine.OsImage;
import dev.mast.sim.machine.SudoPolicy;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * How one simulated node is set up. {@link #toString()} never shows a sudo password.
 *
 * @param address     its own loopback address (127.0.0.2, ...): the SSH server listens there
 * @param sshUser     the user that logs in: {@code root}, or one that uses sudo
 * @param swapOn      whether the node starts with swap enabled (a preflight failure)
 * @param clockOffset how far its clock is from the host's (for clock-skew checks)
 */
public record NodeSpec(String hostName, String address, Set<Role> roles, String sshUser, SudoPolicy sudo, OsImage os,
                       int cpus, boolean swapOn, Duration clockOffset, Provisioning provisioning, ContainerRuntime runtime,
                       String kubernetesVersion) {
    public NodeSpec {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public NodeSpec withSshUser(String user, SudoPolicy policy) {
        return new NodeSpec(hostName, address, roles, user, policy, os, cpus, swapOn, clockOffset, provisioning, runtime, kubernetesVersion);
    }

    public NodeSpec withSwapOn(boolean value) {
        return new NodeSpec(hostName, address, roles, sshUser, sudo, os, cpus, value, clockOffset, provisioning, runtime, kubernetesVersion);
    }

    public NodeSpec withClockOffset(Duration value) {
        return new NodeSpec(hostName, address, roles, sshUser, sudo, os, cpus, swapOn, value, provisioning, runtime, kubernetesVersion);
    }

    public NodeSpec withOs(OsImage value) {
        return new NodeSpec(hostName, address, roles, sshUser, sudo, value, cpus, swapOn, clockOffset, provisioning, runtime, kubernetesVersion);
    }

    /** A node whose Kubernetes packages and programs are of another version than the cluster's (one halfway through an upgrade). */
    public NodeSpec withKubernetesVersion(String value) {
        return new NodeSpec(hostName, address, roles, sshUser, sudo, os, cpus, swapOn, clockOffset, provisioning, runtime, value);
    }

    public NodeSpec withProvisioning(Provisioning value) {
        return new NodeSpec(hostName, address, roles, sshUser, sudo, os, cpus, swapOn, clockOffset, value, runtime, kubernetesVersion);
    }
}
