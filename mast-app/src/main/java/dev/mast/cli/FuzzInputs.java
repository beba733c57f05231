package dev.mast.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The hostile files of a fuzz run: a valid plan or Kismatic file spoilt by one {@link FuzzMutation}
 * (each kind in turn), and one case in four by a second one on top. A case depends only on the seed
 * and its number, so a failure found among thousands can be made again alone.
 */
final class FuzzInputs {
    /** One file to feed the command line. */
    record Case(int number, boolean kismatic, List<FuzzMutation> mutations, byte[] content) {
        String describe() {
            return "#" + number + " " + (kismatic ? "kismatic " : "plan ")
                    + mutations.stream().map(FuzzMutation::name).collect(Collectors.joining("+"));
        }
    }

    private static final int LARGEST_TO_MUTATE_TWICE = 2 << 20;

    private final long seed;
    private final String plan;
    private final String kismatic;

    /** @param keyFile a readable file the plan's nodes name as their SSH key, so that the unspoilt plan is valid */
    FuzzInputs(long seed, Path keyFile) {
        this.seed = seed;
        this.plan = resource("fuzz/plan.yaml").replace("KEY_FILE", keyFile.toString());
        this.kismatic = resource("fuzz/kismatic-cluster.yaml");
    }

    Case plan(int number) {
        return make(number, false, plan);
    }

    Case kismatic(int number) {
        return make(number, true, kismatic);
    }

    private Case make(int number, boolean isKismatic, String text) {
        Random random = new Random(seed * 1_000_003L + number * 2L + (isKismatic ? 1 : 0));
        FuzzMutation[] kinds = FuzzMutation.values();
        List<FuzzMutation> applied = new ArrayList<>(List.of(kinds[number % kinds.length]));
        byte[] content = applied.get(0).apply(text, random);
        if (random.nextInt(4) == 0 && content.length > 0 && content.length < LARGEST_TO_MUTATE_TWICE) {
            String spoilt = utf8(content);
            if (spoilt != null) {
                FuzzMutation second = kinds[random.nextInt(kinds.length)];
                applied.add(second);
                content = second.apply(spoilt, random);
            }
        }
        return new Case(number, isKismatic, List.copyOf(applied), content);
    }

    /** The bytes as text, or null if they are not UTF-8 (a second mutation works on text). */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String resource(String name) {
        try (InputStream in = FuzzInputs.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the fuzz seed " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
