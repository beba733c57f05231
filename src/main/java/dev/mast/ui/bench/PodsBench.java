package dev.mast.ui.bench;

import java.util.Map;

public final class PodsBench {
    public static Map<String, String> run(int pods, int events) {
        throw new UnsupportedOperationException("not yet");
    }
}
