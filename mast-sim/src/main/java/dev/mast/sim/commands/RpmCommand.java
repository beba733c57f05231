package dev.mast.sim.commands;

import dev.mast.sim.machine.PackageDef;
import dev.mast.sim.machine.PackageSources;
import dev.mast.sim.machine.Packages;
import dev.mast.sim.shell.CommandException;
import dev.mast.sim.shell.CommandTable;
import dev.mast.sim.shell.Invocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** rpm {@code -q}/{@code -qa}/{@code -qf} and yum/dnf install and remove, for nodes of the RPM family. */
final class RpmCommand {
    private RpmCommand() {
    }

    static void register(CommandTable table) {
        table.add("rpm", "/usr/bin/rpm", CommandTable.Gate.RPM, RpmCommand::rpm)
                .add("yum", "/usr/bin/yum", CommandTable.Gate.RPM, RpmCommand::yum)
                .add("dnf", "/usr/bin/dnf", CommandTable.Gate.RPM, RpmCommand::yum);
    }

    private static String nevra(PackageDef def) {
        return def.name() + "-" + def.version() + ".x86_64";
    }

    private static int rpm(Invocation inv) throws Exception {
        Args args = Args.parse(inv.args(), "", Set.of("qf", "queryformat"));
        if (!args.has("q", "query")) {
            throw new CommandException(1, "rpm: the simulator only answers queries (-q)");
        }
        Packages packages = inv.machine().packages();
        if (args.has("f", "file")) {
            return owners(inv, args);
        }
        java.util.Optional<String> format = args.value("qf", "queryformat");
        if (args.has("a", "all")) {
            for (Packages.Installed installed : packages.all().values()) {
                inv.outLine(nevra(installed.def()));
            }
            return 0;
        }
        int status = 0;
        for (String name : args.operands()) {
            if (packages.isInstalled(name)) {
                PackageDef def = packages.get(name).orElseThrow().def();
                if (format.isPresent()) {
                    int dash = def.version().indexOf('-');
                    inv.out(Printf.escapes(format.get().replace("%{NAME}", def.name())
                            .replace("%{VERSION}", dash < 0 ? def.version() : def.version().substring(0, dash))
                            .replace("%{RELEASE}", dash < 0 ? "" : def.version().substring(dash + 1))
                            .replace("%{ARCH}", inv.machine().unameMachine())));
                } else {
                    inv.outLine(nevra(def));
                }
            } else {
                inv.outLine("package " + name + " is not installed");
                status = 1;
            }
        }
        return status;
    }

    /** {@code kubelet-1.34.3} or {@code kubelet-1.34.3-150500.1.1}: a name, then a version from the first "-digit". */
    private static Packages.Request request(String spec) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(.+?)-(\\d.*)").matcher(spec);
        return m.matches() ? new Packages.Request(m.group(1), java.util.Optional.of(m.group(2)))
                : new Packages.Request(spec, java.util.Optional.empty());
    }

    /** {@code rpm -qf FILE...}: the package owning each file, as its NEVRA or in {@code --qf} format ({@code %{NAME}}). */
    private static int owners(Invocation inv, Args args) throws Exception {
        int status = 0;
        for (String path : args.operands()) {
            java.util.Optional<String> owner = inv.machine().packages().owner(path);
            if (owner.isEmpty()) {
                inv.outLine("file " + path + " is not owned by any package");
                status = 1;
                continue;
            }
            PackageDef def = inv.machine().packages().get(owner.get()).orElseThrow().def();
            java.util.Optional<String> format = args.value("qf", "queryformat");
            inv.out(format.isPresent() ? Printf.escapes(format.get()).replace("%{NAME}", def.name())
                    .replace("%{VERSION}", def.version()) : nevra(def) + "\n");
        }
        return status;
    }

    private static int yum(Invocation inv) throws Exception {
        Args args = Args.parse(inv.args(), "", Set.of("disableexcludes"));
        if (args.operands().isEmpty()) {
            throw new CommandException(1, "Error: No command given");
        }
        inv.requireRoot("Error: This command has to be run with superuser privileges (under the root user on most systems).");
        String verb = args.operands().get(0);
        List<String> names = args.operands().subList(1, args.operands().size());
        boolean yes = args.has("y", "assumeyes");
        Set<String> lifted = Set.copyOf(List.of(args.value("disableexcludes").orElse("").split(",")));
        Packages packages = inv.machine().packages();
        packages.dpkgLock().lock();
        try {
            switch (verb) {
                case "install", "downgrade" -> {
                    List<Packages.Change> plan;
                    try {
                        plan = packages.resolve(names.stream().map(RpmCommand::request).toList(),
                                name -> packages.sources().yumCandidates(name, lifted));
                    } catch (Packages.UnknownPackageException e) {
                        throw new CommandException(1, "No match for argument: " + e.name() + "\nError: Unable to find a match: " + e.name());
                    } catch (Packages.VersionNotFoundException e) {
                        String spec = e.getMessage().replace('=', '-');
                        throw new CommandException(1, "No match for argument: " + spec + "\nError: Unable to find a match: " + spec);
                    } catch (PackageSources.RepoException e) {
                        throw new CommandException(1, e.getMessage());
                    }
                    checkKeys(inv, plan, lifted);
                    return apply(inv, yes, plan.stream().map(c -> c.def().name()).toList(), "Installed", name -> {
                        PackageDef def = plan.stream().map(Packages.Change::def).filter(d -> d.name().equals(name)).findFirst().orElseThrow();
                        packages.install(def, true, line -> AptCommand.print(inv, line));
                        return nevra(def);
                    });
                }
                case "remove", "erase" -> {
                    List<String> plan = new ArrayList<>(packages.removePlan(names));
                    return apply(inv, yes, plan, "Removed", name -> {
                        String nevra = nevra(packages.get(name).orElseThrow().def());
                        packages.remove(name, true, line -> AptCommand.print(inv, line));
                        return nevra;
                    });
                }
                default -> throw new CommandException(1, "No such command: " + verb + ". Please use /usr/bin/" + inv.name() + " --help");
            }
        } finally {
            packages.dpkgLock().unlock();
        }
    }

    /** gpgcheck: each repository's key is fetched from its gpgkey URL and must be the one its packages are signed with. */
    private static void checkKeys(Invocation inv, List<Packages.Change> plan, Set<String> lifted) throws Exception {
        PackageSources sources = inv.machine().packages().sources();
        Set<String> checked = new java.util.HashSet<>();
        for (Packages.Change change : plan) {
            for (PackageSources.Candidate candidate : sources.yumCandidates(change.def().name(), lifted)) {
                if (!candidate.def().equals(change.def()) || !checked.add(candidate.origin())) {
                    continue;
                }
                var repo = sources.yumRepo(candidate.origin());
                if (repo.isEmpty() || !repo.get().gpgCheck()) {
                    continue;
                }
                var key = inv.machine().cluster().internet().get(inv.machine().identity().hostName(), repo.get().gpgKey());
                if (key.failure().isPresent()) {
                    throw new CommandException(1, "Curl error (" + key.failure().get().curlExit() + "): " + key.failure().get().message()
                            + " for " + repo.get().gpgKey() + "\nError: GPG key retrieval failed: Curl error ("
                            + key.failure().get().curlExit() + ")");
                }
                String text = new String(key.response().orElseThrow().body(), java.nio.charset.StandardCharsets.UTF_8);
                if (!text.contains(inv.machine().cluster().internet().keyId())) {
                    throw new CommandException(1, "The GPG keys listed for the \"" + repo.get().id() + "\" repository are already"
                            + " installed but they are not correct for this package.\nError: GPG check FAILED");
                }
                inv.outLine("Importing GPG key 0x9A296436:\n Userid     : \"isv:kubernetes OBS Project <isv:kubernetes@build.opensuse.org>\"");
            }
        }
    }

    private interface Step {
        String apply(String name) throws Exception;
    }

    private static int apply(Invocation inv, boolean yes, List<String> plan, String title, Step step) throws Exception {
        inv.outLine("Dependencies resolved.");
        if (plan.isEmpty()) {
            inv.outLine("Nothing to do.");
            inv.outLine("Complete!");
            return 0;
        }
        if (!yes) {
            inv.outLine("Is this ok [y/N]: Operation aborted.");
            return 1;
        }
        Thread.sleep(inv.machine().timing().transfer().toMillis() * plan.size());
        List<String> done = new ArrayList<>();
        for (String name : plan) {
            done.add(step.apply(name));
        }
        inv.outLine(title + ":");
        for (String nevra : done) {
            inv.outLine("  " + nevra);
        }
        inv.outLine("Complete!");
        return 0;
    }
}
