package dev.mast.cli;

import dev.mast.manifest.ManifestException;
import dev.mast.pki.PkiException;
import dev.mast.plan.LoadedPlan;
import dev.mast.render.ClusterRenderer;
import dev.mast.render.RenderedCluster;
import dev.mast.render.RenderedFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mast render --plan FILE --out DIR}: every file Mast would write, per node, into a folder. */
@Command(name = "render",
        mixinStandardHelpOptions = true,
        description = {
                "Writes every file Mast would put on each node into DIR/<host name>/, mirroring the node's paths",
                "(etc/kubernetes/manifests/*.yaml, var/lib/kubelet/config.yaml, etc/kubernetes/*.conf, etc/kubernetes/pki/...).",
                "The cluster's certificates are made once in the PKI folder and reused, so the output is the same every time."})
final class RenderCommand implements Callable<Integer> {
    @Mixin
    private PlanInput plan;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write to; must be empty unless --force.")
    private Path out;

    @Option(names = "--pki", paramLabel = "DIR", description = "The cluster's PKI folder (default: <plan name>-pki beside the plan).")
    private Path pki;

    @Option(names = "--force", description = "Write into DIR even if it is not empty, replacing files of the same name.")
    private boolean force;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var loaded = plan.load("render", err);
        if (loaded.isEmpty()) {
            return MastCommand.BAD_INPUT;
        }
        try {
            if (!force && !RenderedFolder.isEmpty(this.out)) {
                err.println("mast render: " + this.out + " is not empty; choose an empty folder or add --force");
                return MastCommand.BAD_INPUT;
            }
            Path pkiDir = pki != null ? pki : ClusterRenderer.defaultPkiDir(plan.file);
            RenderedCluster rendered = ClusterRenderer.render(loaded.get().plan(), pkiDir);
            int written = RenderedFolder.write(rendered, this.out, force);
            printSummary(out, loaded.get(), rendered, written, pkiDir);
            return MastCommand.OK;
        } catch (PkiException | ManifestException e) {
            // Validation refuses what the renderer cannot render; this names anything it has not thought of, without a stack trace.
            err.println("mast render: " + e.getMessage());
            return MastCommand.BAD_INPUT;
        } catch (IOException e) {
            err.println("mast render: " + this.out + ": " + CliMessages.describe(e));
            return MastCommand.FAILED;
        }
    }

    private void printSummary(PrintWriter out, LoadedPlan loaded, RenderedCluster rendered, int written, Path pkiDir) {
        for (var entry : rendered.filesByNode().entrySet()) {
            List<String> manifests = entry.getValue().stream().map(f -> f.path())
                    .filter(p -> p.startsWith("/etc/kubernetes/manifests/"))
                    .map(p -> p.substring(p.lastIndexOf('/') + 1).replace(".yaml", "") + "-" + entry.getKey()).toList();
            out.printf("%-20s %3d files  %s%n", entry.getKey(), entry.getValue().size(),
                    manifests.isEmpty() ? "" : "static pods: " + String.join(", ", manifests));
        }
        out.println("wrote " + written + " files for " + rendered.filesByNode().size() + " nodes of " + loaded.plan().name()
                + " to " + this.out + " (certificates from " + pkiDir + ")");
        out.flush();
    }
}
