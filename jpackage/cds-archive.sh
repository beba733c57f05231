#!/usr/bin/env bash
# Records an AppCDS archive for the app image, with the image's own runtime (a dynamic archive
# only works with the JVM that made it), then tells the launcher to use it.
#   cds-archive.sh LAUNCHER APP_DIR
# The training run prints the CLI's help and opens the first window, then closes itself
# (-Dmast.startup.exit); without a display it uses xvfb-run, and without that, only the CLI.
# It runs as a fresh user (temporary home) so the builder's settings and logs stay out of it.
set -euo pipefail
launcher=$1
app_dir=$2
archive="$app_dir/mast.jsa"
cfg=$(ls "$app_dir"/*.cfg | head -n 1)

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
# The JVM lists every class it cannot archive (picocli's are Java 5 class files): keep that out of the build log.
training_log="$(dirname "$0")/../target/dist/cds-training.log"
: >"$training_log"
record="-XX:ArchiveClassesAtExit=$archive -Duser.home=$home"
export XDG_STATE_HOME="$home/state"

run_gui() {
    JAVA_TOOL_OPTIONS="$record -Dmast.cds.training=true -Dmast.startup.exit=true" timeout 120 "$@" "$launcher" >>"$training_log" 2>&1
}
if [ -n "${DISPLAY:-}" ] && run_gui; then
    echo "dist: CDS archive recorded from the CLI help and the first window"
elif command -v xvfb-run >/dev/null && run_gui xvfb-run -a -s "-screen 0 1366x768x24"; then
    echo "dist: CDS archive recorded from the CLI help and the first window (Xvfb)"
elif JAVA_TOOL_OPTIONS="$record" timeout 120 "$launcher" --help >>"$training_log" 2>&1; then
    echo "dist: CDS archive recorded from the CLI help only (no display, no xvfb-run)"
fi

if [ -s "$archive" ]; then
    # $APPDIR is the launcher's own folder for the app: the archive moves with the bundle.
    awk '{ print } /^\[JavaOptions\]$/ { print "java-options=-XX:SharedArchiveFile=$APPDIR/mast.jsa" }' "$cfg" >"$cfg.new"
    mv "$cfg.new" "$cfg"
    echo "dist: launcher uses $archive ($(du -h "$archive" | cut -f1))"
else
    echo "dist: no CDS archive was recorded; the bundle starts without it (see $training_log)" >&2
fi
