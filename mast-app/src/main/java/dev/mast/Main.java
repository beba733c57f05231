package dev.mast;

import dev.mast.app.CoreServices;
import dev.mast.cli.MastCommand;
import dev.mast.node.SshEnvironment;
import dev.mast.node.SshLoginMeans;
import dev.mast.ui.MastApp;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Entry point: no arguments open the desktop app, anything else runs the command line.
 * Kept free of JavaFX types so the CLI starts without loading the toolkit.
 */
public final class Main {
    /** Set by the bundle's build while it records the class-data-sharing archive (jpackage/build.sh). */
    private static final String CDS_TRAINING = "mast.cds.training";

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            openDesktopApp(args);
            return;
        }
        // The console shows Mast's own output; libraries' records go to the app log. The bundle's launcher names a
        // logging.properties that says the same, read only when something logs (a faster --help).
        if (System.getProperty("java.util.logging.config.file") == null) {
            Logger root = Logger.getLogger("");
            for (Handler handler : root.getHandlers()) {
                root.removeHandler(handler);
            }
            root.addHandler(new CliLogHandler());
            root.setLevel(Level.WARNING);
        }
        System.exit(MastCommand.execute(args));
    }

    private static void openDesktopApp(String[] args) {
        AppLogging.startInBackground();
        if (Boolean.getBoolean(CDS_TRAINING)) {
            // One archive serves both ways in: load the command line's classes too, output discarded.
            MastCommand.commandLine().setOut(new PrintWriter(Writer.nullWriter())).execute("--help");
        }
        try {
            MastApp.launchApp(CoreServices.create(), new SshLoginMeans(SshEnvironment.ofUser(null)), args);
            // The window is closed and the app has stopped: end the process, whatever threads libraries left behind
            // (vert.x event loops, SSH and HTTP pools), which would otherwise keep it running with nothing on screen.
            System.exit(MastCommand.OK);
        } catch (RuntimeException | Error e) {
            // The toolkit itself failed (no display, no GTK): there is no window to show a dialog in.
            Logger.getLogger(Main.class.getName()).log(Level.SEVERE, "The desktop app could not start", e);
            System.err.println("mast: the desktop app could not start: " + e.getMessage());
            AppLogging.currentFile().ifPresent(file -> System.err.println("mast: details are in " + file));
            System.err.println("mast: the command line works without a display; see mast --help");
            System.exit(MastCommand.FAILED);
        }
    }
}
