package lambdalab.course.clickstream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The vocabulary of the clickstream: referrers, products, and how visitor and page ids are
 * spelled. Kept in one place so that the generator, the ground truth and the notebooks agree on
 * every name.
 */
public final class Domain {

    /** The referrer whose events carry a previous page. */
    public static final String INTERNAL = "Internal";

    /** Every referrer, in the order the generator indexes them. */
    public static final List<String> REFERRERS =
            List.of("Google", "Bing", "Yahoo", "Twitter", "Facebook", "Other", "Direct", INTERNAL);

    /** Classpath location of the product list, one {@code Brand,Product} per line. */
    public static final String PRODUCTS_RESOURCE = "lambdalab/course/clickstream/products.txt";

    static final String VISITOR_PREFIX = "Visitor-";
    static final String PAGE_PREFIX = "Page-";

    private Domain() {
    }

    /** The products, in file order (the generator's indexes depend on that order). */
    public static List<String> products() {
        return ProductsHolder.PRODUCTS;
    }

    /** The visitor id for number {@code n}: {@code Visitor-n}. */
    public static String visitor(int n) {
        return VISITOR_PREFIX + n;
    }

    /** The page id for number {@code n}: {@code Page-n}. */
    public static String page(int n) {
        return PAGE_PREFIX + n;
    }

    /**
     * The number inside a {@code Visitor-N} id. Lets exact counts store visitors as ints instead of
     * strings, a fifth of the memory.
     *
     * @throws IllegalArgumentException if the id is not {@code Visitor-} followed by a non-negative int
     */
    public static int visitorNumber(String visitor) {
        if (!visitor.startsWith(VISITOR_PREFIX) || visitor.length() == VISITOR_PREFIX.length()) {
            throw new IllegalArgumentException("not a visitor id (expected Visitor-N): '" + visitor + "'");
        }
        long value = 0;
        for (int i = VISITOR_PREFIX.length(); i < visitor.length(); i++) {
            int digit = visitor.charAt(i) - '0';
            if (digit < 0 || digit > 9 || (value = value * 10 + digit) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "not a visitor id (expected Visitor-N with N a non-negative int): '" + visitor + "'");
            }
        }
        return (int) value;
    }

    /** Loads the product list once, on first use (lazy holder idiom: thread safe without locks). */
    private static final class ProductsHolder {
        static final List<String> PRODUCTS = load();

        private static List<String> load() {
            InputStream in = Domain.class.getClassLoader().getResourceAsStream(PRODUCTS_RESOURCE);
            if (in == null) {
                throw new IllegalStateException("resource " + PRODUCTS_RESOURCE + " is missing from the classpath");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return List.copyOf(parse(reader.lines().toList()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + PRODUCTS_RESOURCE, e);
            }
        }
    }

    /**
     * Checks the product lines: a product must hold a comma between brand and name, no tab or
     * line break (it is a TSV field) and appear once. Blank lines are skipped.
     */
    static List<String> parse(List<String> lines) {
        List<String> products = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = PRODUCTS_RESOURCE + " line " + (i + 1) + " ('" + line + "')";
            if (line.indexOf(',') <= 0 || line.endsWith(",")) {
                throw new IllegalStateException(where + ": expected Brand,Product");
            }
            if (line.indexOf('\t') >= 0) {
                throw new IllegalStateException(where + ": a product may not contain a tab");
            }
            if (!seen.add(line)) {
                throw new IllegalStateException(where + ": duplicate product");
            }
            products.add(line);
        }
        return products;
    }
}
