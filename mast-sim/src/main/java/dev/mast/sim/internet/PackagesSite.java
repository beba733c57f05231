package dev.mast.sim.internet;

import dev.mast.sim.internet.KubernetesReleases.Format;
import dev.mast.sim.machine.Network.Response;
import dev.mast.sim.machine.PackageDef;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pkgs.k8s.io: per minor release a flat deb repository ({@code /core:/stable:/v1.34/deb/}: {@code Release.key},
 * {@code InRelease}, {@code Packages[.gz]}) and an rpm one ({@code /core:/stable:/v1.34/rpm/}: {@code repodata/}
 * with {@code repomd.xml}, its key and the primary list), both signed with one key.
 */
final class PackagesSite implements Site {
    /** The fingerprint of the key that signs every repository; a keyring trusts them when it holds it. */
    static final String KEY_ID = "234654DA9A296436";
    static final String KEY = """
            -----BEGIN PGP PUBLIC KEY BLOCK-----
            Version: GnuPG v1.4.5 (GNU/Linux)

            mQENBGMHoXcBCADukGOEQyleViOgtkMVa7hKifP6POCTh+98xNW4TfHK/nBJN2sm
            u4XaiUmtB9UuGt9jl8VxQg4hOMRf40coIwHsNwtSrc2R9v5Kgpvcv537QVIigVHH
            WMNvXeoZkkoDIUljvbCEDWaEhS9R5OMYKd4AaJ+f1c8OELhEcV2dAQLLyjtnEaF/
            # mast-sim key %s (isv:kubernetes OBS Project)
            =/rg1
            -----END PGP PUBLIC KEY BLOCK-----
            """.formatted(KEY_ID);
    private static final Pattern PATH = Pattern.compile("/core:/stable:/v1\\.(\\d+)/(deb|rpm)/(.*)");
    private static final String PRIMARY = "repodata/6a4b3c0f-primary.xml.gz";

    /** A repository of the site: its minor release and format. */
    record Repository(int minor, Format format) {
        List<PackageDef> packages(String arch) {
            return KubernetesReleases.packages(minor, format, arch);
        }
    }

    /** The repository a path of this site belongs to, with the file asked for. */
    static Optional<Repository> repository(String path) {
        Matcher m = PATH.matcher(path);
        if (!m.matches() || !KubernetesReleases.hasMinor(Integer.parseInt(m.group(1)))) {
            return Optional.empty();
        }
        return Optional.of(new Repository(Integer.parseInt(m.group(1)), m.group(2).equals("deb") ? Format.DEB : Format.RPM));
    }

    @Override
    public Response get(String path) {
        Matcher m = PATH.matcher(path);
        Optional<Repository> repository = repository(path);
        if (repository.isEmpty()) {
            return Response.notFound();
        }
        String file = m.matches() ? m.group(3) : "";
        return repository.get().format() == Format.DEB ? deb(repository.get(), file) : rpm(repository.get(), file);
    }

    private static Response deb(Repository repository, String file) {
        return switch (file) {
            case "Release.key" -> Response.ok(KEY);
            case "InRelease" -> Response.ok("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nOrigin: obs://build.opensuse.org/"
                    + "isv:kubernetes:core:stable:v1." + repository.minor() + "/deb\nLabel: isv:kubernetes:core:stable:v1."
                    + repository.minor() + "\nArchitectures: amd64 arm64\n-----BEGIN PGP SIGNATURE-----\n# signed by " + KEY_ID
                    + "\n-----END PGP SIGNATURE-----\n");
            case "Packages" -> Response.ok(packagesFile(repository));
            case "Packages.gz" -> Response.ok(Tarball.gzip(packagesFile(repository).getBytes(StandardCharsets.UTF_8)));
            default -> Response.notFound();
        };
    }

    private static String packagesFile(Repository repository) {
        StringBuilder text = new StringBuilder();
        for (String arch : KubernetesReleases.ARCHES) {
            for (PackageDef def : repository.packages(arch)) {
                text.append("Package: ").append(def.name()).append('\n')
                        .append("Architecture: ").append(arch).append('\n')
                        .append("Version: ").append(def.version()).append('\n')
                        .append("Filename: ").append(arch).append('/').append(def.name()).append('_').append(def.version())
                        .append('_').append(arch).append(".deb\n")
                        .append("Description: ").append(def.description()).append("\n\n");
            }
        }
        return text.toString();
    }

    private static Response rpm(Repository repository, String file) {
        return switch (file) {
            case "repodata/repomd.xml.key" -> Response.ok(KEY);
            case "repodata/repomd.xml" -> Response.ok("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <repomd xmlns="http://linux.duke.edu/metadata/repo" xmlns:rpm="http://linux.duke.edu/metadata/rpm">
                      <revision>1700000000</revision>
                      <data type="primary">
                        <checksum type="sha256">6a4b3c0f</checksum>
                        <location href="%s"/>
                      </data>
                    </repomd>
                    """.formatted(PRIMARY));
            case PRIMARY -> Response.ok(Tarball.gzip(primary(repository).getBytes(StandardCharsets.UTF_8)));
            default -> Response.notFound();
        };
    }

    private static String primary(Repository repository) {
        StringBuilder text = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<metadata>\n");
        for (String arch : KubernetesReleases.ARCHES) {
            for (PackageDef def : repository.packages(arch)) {
                int dash = def.version().indexOf('-');
                text.append("<package type=\"rpm\">\n  <name>").append(def.name()).append("</name>\n  <arch>")
                        .append(arch.equals("amd64") ? "x86_64" : "aarch64").append("</arch>\n  <version epoch=\"0\" ver=\"")
                        .append(def.version(), 0, dash).append("\" rel=\"").append(def.version().substring(dash + 1))
                        .append("\"/>\n</package>\n");
            }
        }
        return text.append("</metadata>\n").toString();
    }
}
