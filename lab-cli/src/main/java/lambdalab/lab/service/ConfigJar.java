package lambdalab.lab.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packs rendered config files into a jar for a service's classpath. The jar is byte-for-byte the
 * same for the same files and is only rewritten when they change, so its timestamp stays put.
 */
final class ConfigJar {
    private ConfigJar() {
    }

    static void write(Path jar, Path dir, List<String> files) {
        try {
            byte[] content = pack(dir, files);
            if (!Files.exists(jar) || !Arrays.equals(Files.readAllBytes(jar), content)) {
                Path temp = jar.resolveSibling(jar.getFileName() + ".tmp");
                Files.write(temp, content);
                Files.move(temp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + jar, e);
        }
    }

    private static byte[] pack(Path dir, List<String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String file : files) {
                ZipEntry entry = new ZipEntry(file);
                entry.setTime(0); // a fixed time: the same files give the same jar
                zip.putNextEntry(entry);
                zip.write(Files.readAllBytes(dir.resolve(file)));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
