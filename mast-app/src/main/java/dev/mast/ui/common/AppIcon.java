package dev.mast.ui.common;

import java.util.List;
import java.util.stream.Stream;
import javafx.scene.image.Image;

/** The app's icon (assets/icon/mast.svg) in the sizes a window manager picks from. */
public final class AppIcon {
    private static final List<Integer> SIZES = List.of(16, 32, 48, 256);

    private AppIcon() {
    }

    public static List<Image> images() {
        return SIZES.stream().flatMap(size -> {
            var url = AppIcon.class.getResource("/dev/mast/ui/icon/mast-" + size + ".png");
            return url == null ? Stream.empty() : Stream.of(new Image(url.toExternalForm()));
        }).toList();
    }
}
