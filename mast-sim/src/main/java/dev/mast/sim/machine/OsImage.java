package dev.mast.sim.machine;

/** The operating system a simulated node runs: what /etc/os-release says and which package tools it has. */
public enum OsImage {
    DEBIAN_12(PackageFamily.APT, "6.1.0-28-amd64", """
            PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
            NAME="Debian GNU/Linux"
            VERSION_ID="12"
            VERSION="12 (bookworm)"
            VERSION_CODENAME=bookworm
            ID=debian
            HOME_URL="https://www.debian.org/"
            SUPPORT_URL="https://www.debian.org/support"
            BUG_REPORT_URL="https://bugs.debian.org/"
            """),
    UBUNTU_24_04(PackageFamily.APT, "6.8.0-49-generic", """
            PRETTY_NAME="Ubuntu 24.04.1 LTS"
            NAME="Ubuntu"
            VERSION_ID="24.04"
            VERSION="24.04.1 LTS (Noble Numbat)"
            VERSION_CODENAME=noble
            ID=ubuntu
            ID_LIKE=debian
            HOME_URL="https://www.ubuntu.com/"
            UBUNTU_CODENAME=noble
            """),
    ROCKY_9(PackageFamily.RPM, "5.14.0-503.14.1.el9_5.x86_64", """
            NAME="Rocky Linux"
            VERSION="9.5 (Blue Onyx)"
            ID="rocky"
            ID_LIKE="rhel centos fedora"
            VERSION_ID="9.5"
            PLATFORM_ID="platform:el9"
            PRETTY_NAME="Rocky Linux 9.5 (Blue Onyx)"
            HOME_URL="https://rockylinux.org/"
            """);

    /** Which package manager the node has: apt-get and dpkg, or yum and rpm. */
    public enum PackageFamily { APT, RPM }

    private final PackageFamily family;
    private final String kernel;
    private final String osRelease;

    OsImage(PackageFamily family, String kernel, String osRelease) {
        this.family = family;
        this.kernel = kernel;
        this.osRelease = osRelease;
    }

    public PackageFamily family() {
        return family;
    }

    public String kernelRelease() {
        return kernel;
    }

    public String osRelease() {
        return osRelease;
    }

    public String prettyName() {
        return osRelease.lines().filter(l -> l.startsWith("PRETTY_NAME=")).findFirst()
                .map(l -> l.substring("PRETTY_NAME=".length()).replace("\"", "")).orElse(name());
    }
}
