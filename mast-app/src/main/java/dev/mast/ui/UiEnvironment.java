package dev.mast.ui;

import dev.mast.plan.PlanValidator;
import dev.mast.ui.common.BackgroundExecutor;
import dev.mast.ui.common.DialogService;
import dev.mast.ui.common.FolderOpener;
import dev.mast.ui.common.UiSettings;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What the screens need besides the core services: threads, dialogs, settings and the clock.
 * The app builds it from the real things; tests from a calling-thread executor, a scripted
 * dialog service and in-memory preferences.
 *
 * @param home the user's home directory: where key files are looked for, what {@code ~} stands for
 */
public record UiEnvironment(UiSettings settings, BackgroundExecutor background, DialogService dialogs,
                            PlanValidator validator, FolderOpener folders, Clock clock, Path home) {
}
