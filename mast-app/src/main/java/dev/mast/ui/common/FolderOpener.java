package dev.mast.ui.common;

import java.nio.file.Path;

/** Opens a folder in the desktop's file manager (the run folder); the app uses HostServices. */
@FunctionalInterface
public interface FolderOpener {
    void open(Path folder);
}
