package dev.mast.sim;

import dev.mast.sim.machine.Machine;
import dev.mast.sim.shell.Shell;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.helpers.AbstractSession;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A node's SSH server (Apache MINA SSHD) on the node's own loopback address and a free port:
 * public-key authentication for one user, exec requests run by the node's shell, an interactive
 * shell for people, SFTP on the node's virtual root.
 */
final class NodeSshServer implements AutoCloseable {
    private final SshServer sshd;

    NodeSshServer(NodeSpec spec, Machine machine, Shell shell, PublicKey authorizedKey, KeyPair hostKey, SimExecutors executors) {
        sshd = SshServer.setUpDefaultServer();
        sshd.setHost(spec.address());
        sshd.setPort(0);
        // Small request/response exchanges: without TCP_NODELAY each command waits on delayed ACKs.
        org.apache.sshd.core.CoreModuleProperties.TCP_NODELAY.set(sshd, true);
        sshd.setNioWorkers(2);
        sshd.setScheduledExecutorService(executors.sshTimers(), false);
        sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        sshd.setPublickeyAuthenticator((user, key, session) -> user.equals(spec.sshUser()) && KeyUtils.compareKeys(key, authorizedKey));
        sshd.setPasswordAuthenticator(null);
        sshd.setKeyboardInteractiveAuthenticator(null);
        sshd.setGSSAuthenticator(null);
        sshd.setHostBasedAuthenticator(null);
        sshd.setCommandFactory((channel, command) -> new ExecCommand(command, machine, shell, spec.sshUser(), spec.sudo(),
                executors.commands(), this::dropSessions));
        sshd.setShellFactory(channel -> new InteractiveShell(machine, shell, spec.sshUser(), spec.sudo(), executors.commands()));
        sshd.setFileSystemFactory(new VirtualFileSystemFactory(machine.fs().hostRoot()));
        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        sftp.setFileSystemAccessor(new SimSftpAccessor(machine.fs()));
        sshd.setSubsystemFactories(List.of(sftp));
        // A simulated disk needs no fsync after each uploaded file (it cost the simulator more than the upload).
        org.apache.sshd.common.PropertyResolverUtils.updateProperty(sshd,
                org.apache.sshd.sftp.server.SftpFileSystemAccessor.PROP_AUTO_SYNC_FILE_ON_CLOSE, false);
    }

    void start() throws IOException {
        sshd.start();
    }

    int port() {
        for (SocketAddress address : sshd.getBoundAddresses()) {
            if (address instanceof InetSocketAddress inet) {
                return inet.getPort();
            }
        }
        return sshd.getPort();
    }

    /** Closes every session at once, as a network failure or a reboot would. */
    void dropSessions() {
        for (AbstractSession session : sshd.getActiveSessions()) {
            session.close(true);
        }
    }

    @Override
    public void close() throws IOException {
        sshd.stop(true);
    }
}
