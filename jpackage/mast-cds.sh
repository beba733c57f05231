#!/bin/sh
# Records Mast's AppCDS archive (mast.jsa beside this script, in the bundle's lib/app) with the
# bundle's own runtime: an archive only works with the JVM that made it, and only at the path it
# was made at. It is a static archive (a class list from a training run, then -Xshare:dump), not a
# dynamic one: JDK 17 keeps old class files such as picocli's (Java 5) only in a static archive,
# and those are most of what `mast --help` loads. So the build runs it for the app image, and the .deb's postinst runs it
# again once the files are in /opt/mast.
# The training run loads the CLI's classes (its --help, output discarded), opens the first window
# and closes it (-Dmast.startup.exit): on this display, else under xvfb-run, else headless through
# Monocle. It runs as a fresh user (temporary home) so nobody's settings or logs are touched.
set -eu
app_dir=$(cd "$(dirname "$0")" && pwd)
java="$app_dir/../runtime/bin/java"
cfg=$(ls "$app_dir"/*.cfg | head -n 1)
archive="$app_dir/mast.jsa"
log="${MAST_CDS_LOG:-/dev/null}"

# The class path exactly as the launcher builds it from its .cfg; a different one makes the JVM refuse the archive.
classpath=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s|\$APPDIR|$app_dir|g" | paste -sd: -)
main_class=$(sed -n 's/^app\.mainclass=//p' "$cfg")

home=$(mktemp -d)
classlist="$home/mast.classlist"
trap 'rm -rf "$home"' EXIT
rm -f "$archive"

train() {
    XDG_STATE_HOME="$home/state" timeout 180 "$@" "$java" -XX:DumpLoadedClassList="$classlist" -Duser.home="$home" \
        -Dmast.cds.training=true -Dmast.startup.exit=true ${gui_flags:-} -cp "$classpath" "$main_class" >>"$log" 2>&1
}
# MAST_CDS_HEADLESS=1 (the .deb's postinst): never open a window on whoever's display is around.
if [ -z "${MAST_CDS_HEADLESS:-}" ] && [ -n "${DISPLAY:-}" ] && train; then
    how="the CLI help and the first window"
elif [ -z "${MAST_CDS_HEADLESS:-}" ] && command -v xvfb-run >/dev/null 2>&1 && train xvfb-run -a -s "-screen 0 1366x768x24"; then
    how="the CLI help and the first window (Xvfb)"
else
    gui_flags="-Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw"
    train
    how="the CLI help and the first window (headless)"
fi
"$java" -Xshare:dump -XX:SharedClassListFile="$classlist" -XX:SharedArchiveFile="$archive" -cp "$classpath" \
    >>"$log" 2>&1 || true
if [ -s "$archive" ]; then
    echo "mast-cds: recorded $archive from $how"
else
    echo "mast-cds: no archive recorded; Mast starts without it" >&2
    exit 1
fi
