package dev.mast.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop application: one main window. */
public final class MastApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(MastApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Mast");
        stage.setScene(new Scene(new MainWindow().root(), 1200, 760));
        stage.show();
    }
}
