package dev.mast.sim.shell;

import dev.mast.sim.machine.SudoPolicy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shell's state for one command line: who runs it (the login user, and the effective user
 * after sudo), the working directory, the environment and {@code set -e}.
 */
public final class Session {
    private final String loginUser;
    private final String user;
    private final SudoPolicy sudo;
    private String cwd;
    private final Map<String, String> env;
    private boolean errexit;

    public Session(String loginUser, SudoPolicy sudo) {
        this(loginUser, loginUser, sudo, home(loginUser), new LinkedHashMap<>(), false);
        env.put("HOME", cwd);
        env.put("USER", loginUser);
        env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("SHELL", "/bin/sh");
    }

    private Session(String loginUser, String user, SudoPolicy sudo, String cwd, Map<String, String> env, boolean errexit) {
        this.loginUser = loginUser;
        this.user = user;
        this.sudo = sudo;
        this.cwd = cwd;
        this.env = env;
        this.errexit = errexit;
    }

    public static String home(String user) {
        return user.equals("root") ? "/root" : "/home/" + user;
    }

    /** The same session with root as the effective user, as after sudo (the working directory stays). */
    public Session asRoot() {
        Map<String, String> rootEnv = new LinkedHashMap<>(env);
        rootEnv.put("HOME", "/root");
        rootEnv.put("USER", "root");
        return new Session(loginUser, "root", sudo, cwd, rootEnv, false);
    }

    /** A new shell ({@code sh -c}) that starts from this one's state. */
    public Session child() {
        return new Session(loginUser, user, sudo, cwd, new LinkedHashMap<>(env), false);
    }

    public String loginUser() {
        return loginUser;
    }

    public String user() {
        return user;
    }

    public boolean isRoot() {
        return user.equals("root");
    }

    public SudoPolicy sudo() {
        return sudo;
    }

    public String cwd() {
        return cwd;
    }

    public void setCwd(String value) {
        cwd = value;
    }

    public Map<String, String> env() {
        return env;
    }

    public boolean errexit() {
        return errexit;
    }

    public void setErrexit(boolean value) {
        errexit = value;
    }
}
