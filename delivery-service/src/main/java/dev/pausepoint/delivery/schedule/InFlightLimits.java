package dev.pausepoint.delivery.schedule;

/**
 * How much work one instance has in flight at once: {@code total} for everyone, and at most
 * {@code perDeveloper} of it for any one developer. The per-developer cap is below the total so no
 * single developer can fill the instance; how far below decides how many developers with stuck work
 * (dead endpoints, a provider that does not answer) it takes before anyone else waits.
 */
public record InFlightLimits(int total, int perDeveloper) {

    public InFlightLimits {
        if (total < 2 || perDeveloper < 1 || perDeveloper >= total) {
            throw new IllegalArgumentException("in-flight limits need 1 <= per developer (" + perDeveloper
                    + ") < total (" + total + ")");
        }
    }

    /** The limits a setting asks for; a pair that breaks the rule above stops the start, naming the setting. */
    public static InFlightLimits configured(String settings, int total, int perDeveloper) {
        try {
            return new InFlightLimits(total, perDeveloper);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(settings + ": " + e.getMessage(), e);
        }
    }
}
