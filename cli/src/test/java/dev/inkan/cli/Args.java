package dev.inkan.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds argument lists from pieces. */
final class Args {

    private Args() {
    }

    static String[] of(Object... pieces) {
        List<String> args = new ArrayList<>();
        for (Object piece : pieces) {
            if (piece instanceof String[]) {
                args.addAll(Arrays.asList((String[]) piece));
            } else {
                args.add(String.valueOf(piece));
            }
        }
        return args.toArray(String[]::new);
    }
}
