package dev.mast.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The light/dark switch: AtlantaFX's Primer themes as the user-agent stylesheet, the choice
 * remembered in the settings. The property is what the header's toggle binds to.
 */
public final class Themes {
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");

    public Themes(UiSettings settings) {
        dark.set(settings.darkTheme());
        apply(dark.get());
        dark.addListener((obs, was, now) -> {
            settings.setDarkTheme(now);
            apply(now);
        });
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public static void apply(boolean dark) {
        // The theme's binary form: loaded without parsing ~170 KB of CSS, which the first window would wait for.
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheetBSS()
                : new PrimerLight().getUserAgentStylesheetBSS());
    }

    public static String stylesheet() {
        return Themes.class.getResource(MastStyles.STYLESHEET).toExternalForm();
    }
}
