package dev.mast.ui.wizard;

import dev.mast.plan.Node;
import dev.mast.plan.Role;
import dev.mast.plan.SshSettings;
import java.util.EnumSet;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One node as the table edits it: every field as text, so whatever the user types is kept and
 * validated rather than rejected. The internal IP may be left empty: it then is the IP.
 */
public final class NodeRow {
    private final StringProperty hostName = new SimpleStringProperty(this, "hostName", "");
    private final StringProperty ip = new SimpleStringProperty(this, "ip", "");
    private final StringProperty internalIp = new SimpleStringProperty(this, "internalIp", "");
    private final BooleanProperty etcd = new SimpleBooleanProperty(this, "etcd");
    private final BooleanProperty master = new SimpleBooleanProperty(this, "master");
    private final BooleanProperty worker = new SimpleBooleanProperty(this, "worker");
    private final BooleanProperty ingress = new SimpleBooleanProperty(this, "ingress");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty port = new SimpleStringProperty(this, "port", "");
    private final StringProperty keyFile = new SimpleStringProperty(this, "keyFile", "");
    private final StringProperty jump = new SimpleStringProperty(this, "jump", "");
    private final ReadOnlyObjectWrapper<ConnectionStatus> connection =
            new ReadOnlyObjectWrapper<>(this, "connection", ConnectionStatus.NOT_TESTED);
    private final ReadOnlyObjectWrapper<RowProblems> problems = new ReadOnlyObjectWrapper<>(this, "problems", RowProblems.NONE);

    /** Whether the validator found errors, warnings or nothing in a row. */
    public enum RowState { OK, WARNING, ERROR }

    /** The validator's messages for a row, one per line, and how bad the worst is. */
    public record RowProblems(RowState state, String text) {
        public static final RowProblems NONE = new RowProblems(RowState.OK, "");
    }

    public NodeRow() {
        // A test result is about the address and login it was made with.
        for (Observable field : new Observable[] {ip, user, port, keyFile, jump}) {
            field.addListener(o -> connection.set(ConnectionStatus.NOT_TESTED));
        }
    }

    public static NodeRow of(Node node) {
        NodeRow row = new NodeRow();
        row.hostName.set(node.hostName());
        row.ip.set(node.ip());
        row.internalIp.set(node.internalIp().equals(node.ip()) ? "" : node.internalIp());
        row.etcd.set(node.has(Role.ETCD));
        row.master.set(node.has(Role.MASTER));
        row.worker.set(node.has(Role.WORKER));
        row.ingress.set(node.has(Role.INGRESS));
        row.setSsh(node.ssh());
        return row;
    }

    /** The node as the plan holds it. */
    public Node toNode() {
        String internal = internalIp.get().isBlank() ? ip.get().trim() : internalIp.get().trim();
        return new Node(hostName.get().trim(), ip.get().trim(), internal, roles(), ssh());
    }

    public EnumSet<Role> roles() {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        if (etcd.get()) {
            roles.add(Role.ETCD);
        }
        if (master.get()) {
            roles.add(Role.MASTER);
        }
        if (worker.get()) {
            roles.add(Role.WORKER);
        }
        if (ingress.get()) {
            roles.add(Role.INGRESS);
        }
        return roles;
    }

    /** An empty cell leaves the value to ~/.ssh/config; a port that is not a number becomes -1, which the validator rejects. */
    public SshSettings ssh() {
        int number = port.get().isBlank() ? 0 : portNumber().orElse(-1);
        return new SshSettings(user.get().trim(), number, keyFile.get().trim(), jump.get().trim());
    }

    public void setSsh(SshSettings ssh) {
        user.set(ssh.user());
        port.set(ssh.port() == 0 ? "" : String.valueOf(ssh.port()));
        keyFile.set(ssh.keyFile());
        jump.set(ssh.jump());
    }

    public Optional<Integer> portNumber() {
        String text = port.get().trim();
        return text.matches("\\d{1,5}") ? Optional.of(Integer.parseInt(text)) : Optional.empty();
    }

    /** What the validator watches; connection results and problems are outputs, not inputs. */
    Observable[] inputs() {
        return new Observable[] {hostName, ip, internalIp, etcd, master, worker, ingress, user, port, keyFile, jump};
    }

    void setConnection(ConnectionStatus status) {
        connection.set(status);
    }

    void setProblems(RowProblems value) {
        problems.set(value);
    }

    public StringProperty hostNameProperty() {
        return hostName;
    }

    public StringProperty ipProperty() {
        return ip;
    }

    public StringProperty internalIpProperty() {
        return internalIp;
    }

    public BooleanProperty etcdProperty() {
        return etcd;
    }

    public BooleanProperty masterProperty() {
        return master;
    }

    public BooleanProperty workerProperty() {
        return worker;
    }

    public BooleanProperty ingressProperty() {
        return ingress;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty keyFileProperty() {
        return keyFile;
    }

    public StringProperty jumpProperty() {
        return jump;
    }

    public ReadOnlyObjectProperty<ConnectionStatus> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RowProblems> problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    @Override
    public String toString() {
        return "NodeRow[" + hostName.get() + "]";
    }
}
