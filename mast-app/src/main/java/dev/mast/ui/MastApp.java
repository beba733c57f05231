package dev.mast.ui;

import dev.mast.AppLogging;
import dev.mast.plan.KeyFiles;
import dev.mast.plan.LoginMeans;
import dev.mast.plan.PlanValidator;
import dev.mast.ui.common.FxDialogService;
import dev.mast.ui.common.UiThreads;
import dev.mast.ui.common.Themes;
import dev.mast.ui.common.UiSettings;
import dev.mast.ui.common.AppIcon;
import dev.mast.ui.common.WindowSizes;
import dev.mast.ui.crash.CrashDialog;
import dev.mast.ui.crash.CrashHandler;
import java.time.Clock;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The desktop application and its composition root: builds the real executor, dialogs and
 * settings, takes the core services it was launched with, and opens the main window.
 */
public final class MastApp extends Application {
    private static volatile AppServices services;
    private static volatile LoginMeans loginMeans = LoginMeans.NONE;

    private UiThreads background;

    /** Opens the app with these services; blocks until the window is closed. */
    public static void launchApp(AppServices appServices, String[] args) {
        launchApp(appServices, LoginMeans.NONE, args);
    }

    /** @param login how nodes log in besides their key files (the ssh-agent, ~/.ssh/config), for validation */
    public static void launchApp(AppServices appServices, LoginMeans login, String[] args) {
        services = appServices;
        loginMeans = login;
        Application.launch(MastApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        CrashHandler crashes = new CrashHandler(AppLogging.currentFile(), Platform::runLater,
                report -> CrashDialog.showAndWait(report, folder -> getHostServices().showDocument(folder.toUri().toString())));
        // The FX thread hands what an event handler throws to its own handler; other threads use the default one.
        Thread.currentThread().setUncaughtExceptionHandler(crashes);
        Thread.setDefaultUncaughtExceptionHandler(crashes);
        try {
            openMainWindow(stage);
        } catch (RuntimeException | Error e) {
            crashes.startFailed(e);
            Platform.exit();
        }
    }

    private void openMainWindow(Stage stage) {
        UiSettings settings = UiSettings.forUser();
        Themes themes = new Themes(settings);
        background = UiThreads.forApp(Platform::runLater);
        var env = new UiEnvironment(settings, background, new FxDialogService(() -> stage),
                new PlanValidator().connecting(loginMeans),
                folder -> getHostServices().showDocument(folder.toUri().toString()), Clock.systemDefaultZone(), KeyFiles.userHome());
        var model = new MainWindowModel(services, env, Platform::runLater);
        stage.setTitle("Mast");
        stage.getIcons().addAll(AppIcon.images());
        stage.setScene(new Scene(new MainWindow(model, themes).root(), settings.windowWidth(), settings.windowHeight()));
        WindowSizes.restoreAndRemember(stage, settings);
        stage.setOnCloseRequest(e -> {
            if (!model.run().mayCloseWindow(Platform::exit)) {
                e.consume();
            }
        });
        StartupSignal.watch(stage);
        stage.show();
    }

    @Override
    public void stop() {
        if (background != null) {
            background.close();
        }
    }
}
