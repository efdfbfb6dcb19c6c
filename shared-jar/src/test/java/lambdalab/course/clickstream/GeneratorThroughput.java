package lambdalab.course.clickstream;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * Prints how many events per second one core generates, per path. A benchmark command, not a
 * test: it asserts nothing about time. Run from shared-jar after {@code test-compile}:
 * {@code java -cp target/classes:target/test-classes lambdalab.course.clickstream.GeneratorThroughput [events]}
 */
public final class GeneratorThroughput {

    private GeneratorThroughput() {
    }

    public static void main(String[] args) throws IOException {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        GeneratorSettings settings = GeneratorSettings.builder().events(events).build();
        byte[][] lines = encodedLines(GeneratorSettings.builder().events(Math.min(events, 2_000_000)).build());
        for (int round = 1; round <= 3; round++) {
            report("round " + round + " iterator (events only)   ", events, () -> iterate(settings));
            report("round " + round + " writeLines (encoded text) ", events, () -> writeLines(settings));
            report("round " + round + " writeTo(StdoutSink to null)", events, () -> writeToSink(settings));
            report("round " + round + " decode(byte[]) of lines    ", lines.length, () -> decodeAll(lines));
        }
    }

    private interface Run {
        long run() throws IOException;
    }

    private static void report(String label, long events, Run run) throws IOException {
        long start = System.nanoTime();
        long checksum = run.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %,.0f events/s (%d events in %.2f s, checksum %d)%n",
                label, events / seconds, events, seconds, checksum);
    }

    private static long iterate(GeneratorSettings settings) {
        ClickstreamGenerator generator = new ClickstreamGenerator(settings);
        long checksum = 0;
        while (generator.hasNext()) {
            checksum += generator.next().visitor().length();
        }
        return checksum;
    }

    private static byte[][] encodedLines(GeneratorSettings settings) {
        byte[][] lines = new byte[(int) settings.events()][];
        ClickstreamGenerator generator = new ClickstreamGenerator(settings);
        for (int i = 0; generator.hasNext(); i++) {
            lines[i] = ClickstreamCodec.encode(generator.next()).getBytes(StandardCharsets.UTF_8);
        }
        return lines;
    }

    private static long decodeAll(byte[][] lines) {
        long decoded = 0;
        for (byte[] line : lines) {
            decoded += ClickstreamCodec.decode(line).isDecoded() ? 1 : 0;
        }
        return decoded;
    }

    private static long writeLines(GeneratorSettings settings) throws IOException {
        try (BufferedWriter out = new BufferedWriter(
                new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8), 1 << 16)) {
            return new ClickstreamGenerator(settings).writeLines(out);
        }
    }

    private static long writeToSink(GeneratorSettings settings) {
        try (StdoutSink sink = new StdoutSink(OutputStream.nullOutputStream())) {
            return new ClickstreamGenerator(settings).writeTo(sink);
        }
    }
}
