package lambdalab.lab.service;

/** The answer of a readiness check: ready or not, and what was seen. */
public record Health(boolean ready, String detail) {
    public static Health ready(String detail) {
        return new Health(true, detail);
    }

    public static Health notReady(String detail) {
        return new Health(false, detail);
    }
}
