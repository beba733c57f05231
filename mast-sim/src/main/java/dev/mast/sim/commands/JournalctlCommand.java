package dev.mast.sim.commands;

import dev.mast.sim.machine.Journal;
import dev.mast.sim.machine.Systemd;
import dev.mast.sim.shell.CommandTable;
import dev.mast.sim.shell.Invocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code journalctl [-u UNIT]... [-n N] [-o cat|short] [-f] [--no-pager]}: the unit's journal
 * in systemd's short format; {@code -f} keeps printing new entries until the session ends.
 */
final class JournalctlCommand {
    private JournalctlCommand() {
    }

    static void register(CommandTable table) {
        table.add("journalctl", "/usr/bin/journalctl", CommandTable.Gate.ALWAYS, JournalctlCommand::journalctl);
    }

    private static int journalctl(Invocation inv) throws Exception {
        List<String> raw = new ArrayList<>();
        for (String arg : inv.args()) {
            raw.add(arg.matches("-n\\d+") ? "--lines=" + arg.substring(2) : arg);
        }
        Args args = Args.parse(raw, "unoS", Set.of("unit", "lines", "output", "since", "until"));
        List<String> units = new ArrayList<>();
        args.all("u").forEach(u -> units.add(Systemd.unitName(u)));
        args.all("unit").forEach(u -> units.add(Systemd.unitName(u)));
        boolean follow = args.has("f", "follow");
        String lines = args.value("n", "lines").orElse(follow ? "10" : "all");
        boolean messagesOnly = args.value("o", "output").map(o -> o.equals("cat")).orElse(false);
        Journal journal = inv.machine().journal();
        List<Journal.Entry> entries = journal.after(units, -1);
        if (!lines.equals("all")) {
            int n = Integer.parseInt(lines);
            entries = entries.subList(Math.max(0, entries.size() - n), entries.size());
        }
        String host = inv.machine().identity().hostName();
        if (entries.isEmpty() && !follow) {
            inv.outLine("-- No entries --");
            return 0;
        }
        long last = -1;
        for (Journal.Entry entry : entries) {
            inv.outLine(messagesOnly ? entry.message() : entry.format(host));
            last = journal.sequenceOf(entry);
        }
        if (!follow) {
            return 0;
        }
        inv.flush();
        if (entries.isEmpty()) {
            List<Journal.Entry> all = journal.after(units, -1);
            last = all.isEmpty() ? -1 : journal.sequenceOf(all.get(all.size() - 1));
        }
        while (!Thread.currentThread().isInterrupted()) {
            Thread.sleep(inv.machine().timing().tick().toMillis());
            for (Journal.Entry entry : journal.after(units, last)) {
                inv.outLine(messagesOnly ? entry.message() : entry.format(host));
                last = journal.sequenceOf(entry);
            }
            inv.flush();
        }
        return 0;
    }
}
