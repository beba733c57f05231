package dev.mast.plan;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;

/**
 * Mast's plan file: YAML with a {@code cluster:} section and a {@code nodes:} list (see
 * {@code mast-core/src/test/resources/plans/example.yaml}). Reading is strict, since a typo in a key must
 * not silently become a default: unknown keys and wrong kinds of values are errors, all reported
 * at once with their line and column. Values themselves (addresses, CIDRs) are checked by
 * {@link PlanValidator}, so a plan with a bad address still loads and can be fixed in the GUI.
 */
public final class PlanFile {
    private PlanFile() {
    }

    /**
     * @throws PlanFileException   if the file is not valid YAML or not a plan
     * @throws java.nio.file.NoSuchFileException if there is no such file
     */
    public static LoadedPlan read(Path file) throws IOException {
        return PlanReader.read(file.toString(), YamlText.read(file.toString(), file));
    }

    /** @param fileName used in locations ({@code fileName:line:column}) */
    public static LoadedPlan read(String fileName, Reader reader) throws IOException {
        return PlanReader.read(fileName, YamlText.read(fileName, reader));
    }

    public static LoadedPlan parse(String fileName, String yaml) throws PlanFileException {
        try {
            return read(fileName, new StringReader(yaml));
        } catch (PlanFileException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("reading from a string cannot fail", e);
        }
    }

    /** Writes atomically: the old file stays intact if anything goes wrong. */
    public static void write(Plan plan, Path file) throws IOException {
        AtomicFile.write(file, toYaml(plan));
    }

    /** The file's text, keys always in the same order, so saving twice gives identical bytes. */
    public static String toYaml(Plan plan) {
        return PlanWriter.toYaml(plan);
    }
}
