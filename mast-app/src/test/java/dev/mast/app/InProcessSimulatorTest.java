package dev.mast.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mast.plan.Plan;
import dev.mast.sim.machine.SimTiming;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Try a simulated cluster" as often as the user likes: each simulation in a fresh folder, old ones cleaned. */
class InProcessSimulatorTest {
    @TempDir
    Path dir;

    @Test
    void aSecondSimulationInTheSameSessionStartsAfreshAndTheUpgradeCanBeTriedAfterTheInstall() throws Exception {
        AppFolders folders = new AppFolders(dir.resolve("clusters"));
        var simulator = new InProcessSimulator(folders, SimTiming.fast());
        try {
            simulator.start(2, false);
            Path first = simulator.running().workDir();
            assertTrue(Files.isDirectory(first.resolve("node001/root/etc")), "the first simulation's nodes have files");

            Plan upgrade = simulator.start(2, true);
            Path second = simulator.running().workDir();

            assertNotEquals(first, second);
            assertFalse(Files.exists(first), "the stopped simulation's folder is removed");
            assertEquals(2, upgrade.nodes().size());
            assertTrue(folders.pkiDir(upgrade).startsWith(second.getParent()), folders.pkiDir(upgrade).toString());
        } finally {
            simulator.running().close();
        }
    }

    @Test
    void aSimulationAfterARestartRemovesWhatEarlierSessionsLeftBehind() throws Exception {
        AppFolders folders = new AppFolders(dir.resolve("clusters"));
        Path base = folders.simulatorDir();
        // What a session of an earlier version left: one folder for every simulation.
        Files.createDirectories(base.resolve("nodes/node001/root/etc"));
        Files.writeString(base.resolve("nodes/node001/root/etc/hostname"), "node001\n");
        Files.writeString(base.resolve("known_hosts"), "");
        // What a session that was killed left: its own folder with a lock nobody holds.
        Files.createDirectories(base.resolve("sim-1/nodes/node001/root"));
        Files.writeString(base.resolve("sim-1/" + SimulationFolders.LOCK_FILE), "");

        var simulator = new InProcessSimulator(folders, SimTiming.fast());
        try {
            Plan plan = simulator.start(1, false);

            assertEquals(1, plan.nodes().size());
            try (Stream<Path> left = Files.list(base)) {
                assertEquals(java.util.List.of(simulator.running().workDir().getParent()), left.toList());
            }
        } finally {
            simulator.running().close();
        }
    }

    @Test
    void aFolderThatAnotherSimulationHoldsIsKept() throws Exception {
        Path base = dir.resolve("simulated");
        var folders = new SimulationFolders(base);
        try (SimulationFolders.Held held = folders.create()) {
            Files.writeString(held.dir().resolve("known_hosts"), "");

            folders.removeAbandoned();

            assertTrue(Files.exists(held.dir().resolve("known_hosts")));
        }
        try (Stream<Path> left = Files.list(base)) {
            assertEquals(0, left.count(), "closing a simulation's folder removes it");
        }
    }
}
