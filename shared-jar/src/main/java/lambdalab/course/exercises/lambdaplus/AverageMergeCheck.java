package lambdalab.course.exercises.lambdaplus;

import java.util.List;
import lambdalab.course.exercises.Check;
import lambdalab.course.exercises.WrongAnswer;
import lambdalab.course.lambdaplus.Rollup;

/**
 * Checks an {@link AverageMerge} on buckets of different sizes, with an empty bucket among them, and
 * on a second without readings; names the average of averages, a sum divided by the number of
 * buckets, and sums left in micro-units.
 */
public final class AverageMergeCheck implements Check<AverageMerge> {

    @Override
    public String verify(AverageMerge attempt) {
        Rollup threeOf20 = Rollup.of(20).add(20).add(20);
        Rollup oneOf10 = Rollup.of(10);
        List<Rollup> buckets = List.of(threeOf20, Rollup.EMPTY, oneOf10);
        double got;
        try {
            got = attempt.average(buckets);
        } catch (ArithmeticException e) {
            throw new WrongAnswer("it failed on buckets that include an empty one (" + e.getMessage() + "): an empty "
                    + "bucket adds no reading, skip it or let its zero count add nothing");
        }
        if (got != 17.5) {
            throw new WrongAnswer(diagnose(got));
        }
        double empty;
        try {
            empty = attempt.average(List.of(Rollup.EMPTY));
        } catch (ArithmeticException e) {
            throw new WrongAnswer("a second without readings failed (" + e.getMessage() + "); return Double.NaN: the "
                    + "chart draws a gap there instead of a false zero");
        }
        if (!Double.isNaN(empty)) {
            throw new WrongAnswer("a second without readings gave " + empty + "; return Double.NaN: a 0 would draw a "
                    + "reading nobody sent");
        }
        return "buckets of 3 and 1 readings with an empty one between, and a second without readings";
    }

    private static String diagnose(double got) {
        String seen = "three readings of 20 and one of 10 gave " + got + ", not 17.5: ";
        if (got == 15.0 || Double.isNaN(got)) {
            return seen + "that is the average of the buckets' averages, which weighs the bucket of one reading as "
                    + "much as the bucket of three (and an empty bucket's average is NaN). Add the sums, add the counts, "
                    + "divide once";
        }
        if (got == 70.0 / 3 || got == 70.0 / 2) {
            return seen + "the sum was divided by the number of buckets; divide by the number of readings (the counts' sum)";
        }
        if (Math.abs(got - 17.5 * Rollup.MICROS) < 1e-3) {
            return seen + "the sums are kept in micro-units (Rollup.MICROS per unit of a reading); divide by it, or use "
                    + "Rollup.sum()";
        }
        return seen + "the average of all readings is their total over their number";
    }
}
