#!/usr/bin/env bash
# Builds Mast's native bundle from mast-app/target/mast.jar and mast-app/target/lib (run by `mvn -Pdist package`)
# into target/dist:
#   1. jlink: a trimmed Java runtime with the JDK modules Mast needs, and its base CDS archive;
#   2. jpackage: the app image target/dist/image/mast (bin/mast opens the GUI without arguments
#      and runs the CLI with them: one launcher for both);
#   3. AppCDS: a static class-data-sharing archive dumped by the bundle's own runtime from the classes it
#      loads to print `mast --help` and open the first window (jpackage/mast-cds.sh; the .deb re-records it
#      at install, since an archive only works at the path it was made at);
#   4. the installer this system can build: .deb (dpkg-deb + fakeroot) or .rpm (rpmbuild) on Linux,
#      .msi on Windows (WiX), .dmg on macOS. MAST_DIST_TYPES="app-image" stops after step 3.
set -euo pipefail
cd "$(dirname "$0")/.."

version=${1:?usage: jpackage/build.sh VERSION}
# Installers want a plain numeric version: 0.1.0-SNAPSHOT becomes 0.1.0.
app_version=${version%%-*}
dist=target/dist
name=mast
description="Installs Kubernetes control planes as static pods, and moves systemd-run clusters onto them."
vendor="The Mast project"

# What jdeps --print-module-deps finds in mast.jar and mast-app/target/lib, plus what is only reached by reflection or
# service lookup: EC and EdDSA keys for SSH and the cluster's certificates (jdk.crypto.ec), the CLI's and the
# GUI's logging (java.logging), zip file systems, DNS for netty, extra charsets, and management beans
# (mast bench). Check after a dependency update with:
#   jdeps --multi-release 17 --ignore-missing-deps --print-module-deps --class-path 'mast-app/target/lib/*' mast-app/target/mast.jar
modules=java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,\
java.rmi,java.security.jgss,java.sql,java.xml,jdk.charsets,jdk.crypto.ec,jdk.jfr,jdk.management,jdk.naming.dns,\
jdk.net,jdk.unsupported,jdk.zipfs

image_extra=()
case "$(uname -s)" in
    Linux) os=linux; icon=assets/icon/mast-256.png ;;
    Darwin) os=macos; icon=assets/icon/mast.icns ;;
    # Windows: mast.exe is a GUI program without a console; mast-cli.exe is the command line.
    MINGW* | MSYS* | CYGWIN*) os=windows; icon=assets/icon/mast.ico; image_extra=(--add-launcher mast-cli=jpackage/windows/mast-cli.properties) ;;
    *) echo "jpackage/build.sh: no bundle settings for $(uname -s)" >&2; exit 2 ;;
esac

app=mast-app/target
[ -f $app/mast.jar ] && [ -d $app/lib ] || { echo "jpackage/build.sh: run mvn package first (no $app/mast.jar)" >&2; exit 2; }
rm -rf "$dist"
mkdir -p "$dist/input/lib"
cp $app/mast.jar "$dist/input/"
cp $app/lib/*.jar "$dist/input/lib/"
cp jpackage/mast-cds.sh jpackage/logging.properties "$dist/input/"

echo "dist: jlink runtime"
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
    --generate-cds-archive --output "$dist/runtime"

# C1 only: Mast mostly waits on the network, and C2 competed with its start-up and installs for the CPU (measured; the
# reasons are in mast-app/src/main/java/dev/mast/cli/ProductJvm.java, whose OPTIONS list must match this one); and every
# error keeps its stack trace, also one that repeats.
cds_options=(--java-options '-Djava.util.logging.config.file=$APPDIR/logging.properties' --java-options '-XX:TieredStopAtLevel=1'
    --java-options '-XX:-OmitStackTraceInFastThrow')
if [ "$os" = linux ]; then
    # AppCDS (Linux): the launcher maps the archive when it is there and was made at this path; otherwise it
    # starts without it, silently (-Xlog:cds*=off keeps the JVM's notice off the CLI's stdout).
    cds_options+=(--java-options '-XX:SharedArchiveFile=$APPDIR/mast.jsa' --java-options '-Xlog:cds*=off')
fi
echo "dist: jpackage app image"
jpackage --type app-image --name "$name" --app-version "$app_version" --vendor "$vendor" --description "$description" \
    --input "$dist/input" --main-jar mast.jar --main-class dev.mast.Main \
    ${cds_options[@]+"${cds_options[@]}"} \
    --runtime-image "$dist/runtime" --icon "$icon" --dest "$dist/image" ${image_extra[@]+"${image_extra[@]}"}

if [ "$os" = linux ]; then
    # Without an archive the bundle still works, only slower: say so, don't fail the build.
    MAST_CDS_LOG="$PWD/$dist/cds-training.log" "$dist/image/$name/lib/app/mast-cds.sh" \
        || echo "dist: continuing without a CDS archive; see $dist/cds-training.log" >&2
fi

types=${MAST_DIST_TYPES:-}
if [ -z "$types" ]; then
    case "$os" in
        linux)
            command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null && types="$types deb"
            command -v rpmbuild >/dev/null && types="$types rpm"
            ;;
        macos) types=dmg ;;
        windows) types=msi ;;
    esac
fi
for type in $types; do
    [ "$type" = app-image ] && continue
    echo "dist: jpackage $type"
    extra=()
    case "$type" in
        deb | rpm)
            # The desktop entry opens the GUI; postinst puts the launcher on PATH as /usr/bin/mast for the CLI.
            extra=(--resource-dir jpackage/linux --install-dir /opt --linux-shortcut --linux-menu-group "Development;System;"
                --linux-app-category admin --linux-deb-maintainer "mast@users.noreply.github.com"
                # JavaFX's own libraries are inside its jars, where jpackage does not look for their needs.
                --linux-package-deps "libgtk-3-0, libgl1")
            ;;
        msi) extra=(--win-menu --win-shortcut --win-dir-chooser --win-upgrade-uuid 9c1f4c1e-2b7d-4c55-9a4e-6d6f5b0e7a11) ;;
        dmg) extra=(--mac-package-name Mast) ;;
    esac
    image="$dist/image/$([ "$os" = macos ] && echo "$name.app" || echo "$name")"
    if [ -f "$image/lib/app/mast.jsa" ]; then
        # Made for this folder, useless in /opt/mast: the package's postinst records its own.
        rm -rf "$dist/package-image" && mkdir -p "$dist/package-image" && cp -a "$image" "$dist/package-image/"
        image="$dist/package-image/$name"
        rm "$image/lib/app/mast.jsa"
    fi
    jpackage --type "$type" --app-image "$image" \
        --name "$name" --app-version "$app_version" --vendor "$vendor" --description "$description" \
        --icon "$icon" --dest "$dist" ${extra[@]+"${extra[@]}"}
done
echo "dist: done: $(du -sh "$dist/image" | cut -f1) app image in $dist/image"; ls -l "$dist"/*.* 2>/dev/null || true
