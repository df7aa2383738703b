package dev.pausepoint.errors;

/**
 * Bean Validation reports Java property names ({@code timeoutHours}, {@code options[1]}); clients
 * sent and read {@code snake_case}, so {@code detail} speaks their language.
 */
public final class FieldNames {

    private FieldNames() {
    }

    public static String toSnakeCase(String javaPath) {
        StringBuilder out = new StringBuilder(javaPath.length() + 4);
        for (int i = 0; i < javaPath.length(); i++) {
            char c = javaPath.charAt(i);
            if (Character.isUpperCase(c)) {
                char previous = i == 0 ? '.' : javaPath.charAt(i - 1);
                if (previous != '.' && previous != '[' && previous != '_') {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
