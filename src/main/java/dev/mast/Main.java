package dev.mast;

import dev.mast.app.CoreServices;
import dev.mast.cli.MastCommand;
import dev.mast.ui.MastApp;

/**
 * Entry point: no arguments open the desktop app, anything else runs the command line.
 * Kept free of JavaFX types so the CLI starts without loading the toolkit.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            AppLogging.start();
            MastApp.launchApp(CoreServices.create(), args);
            return;
        }
        // The console shows Mast's own output; libraries' chatter stays out of it.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        System.exit(MastCommand.execute(args));
    }
}
