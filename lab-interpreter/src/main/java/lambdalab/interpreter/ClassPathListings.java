package lambdalab.interpreter;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * The JDK's file manager for JShell's compiler, remembering what each package of the class path
 * holds. javac lists the classes of every package a snippet may use (the prelude star-imports forty)
 * at each snippet's compilation, and the JDK's file manager indexes every jar of the class path anew
 * for that every time: measured with the interpreter's 180 jars, half of a short snippet's compile
 * time. The jars do not change while the interpreter runs, so a package's listing is kept until
 * the class path itself changes (JShell's {@code addToClasspath} sets it as an option).
 */
final class ClassPathListings extends ForwardingJavaFileManager<StandardJavaFileManager>
        implements StandardJavaFileManager {

    private record Listing(String packageName, Set<JavaFileObject.Kind> kinds, boolean recurse) {
    }

    private final Map<Listing, List<JavaFileObject>> listings = new ConcurrentHashMap<>();

    ClassPathListings(StandardJavaFileManager standard) {
        super(standard);
    }

    @Override
    public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds,
                                         boolean recurse) throws IOException {
        if (location != StandardLocation.CLASS_PATH) {
            return super.list(location, packageName, kinds, recurse);
        }
        try {
            return listings.computeIfAbsent(new Listing(packageName, Set.copyOf(kinds), recurse), listing -> {
                List<JavaFileObject> files = new ArrayList<>();
                try {
                    fileManager.list(location, packageName, kinds, recurse).forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return List.copyOf(files);
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * JShell passes its class path as an option before every compilation: only a different one
     * empties the listings.
     */
    @Override
    public boolean handleOption(String current, Iterator<String> remaining) {
        List<Path> before = classPath();
        boolean handled = super.handleOption(current, remaining);
        if (!before.equals(classPath())) {
            listings.clear();
        }
        return handled;
    }

    private List<Path> classPath() {
        List<Path> paths = new ArrayList<>();
        Iterable<? extends Path> entries = fileManager.getLocationAsPaths(StandardLocation.CLASS_PATH);
        if (entries != null) {
            entries.forEach(paths::add);
        }
        return paths;
    }

    @Override
    public void setLocation(Location location, Iterable<? extends File> files) throws IOException {
        fileManager.setLocation(location, files);
        listings.clear();
    }

    @Override
    public void setLocationFromPaths(Location location, Collection<? extends Path> paths) throws IOException {
        fileManager.setLocationFromPaths(location, paths);
        listings.clear();
    }

    @Override
    public void setLocationForModule(Location location, String moduleName, Collection<? extends Path> paths)
            throws IOException {
        fileManager.setLocationForModule(location, moduleName, paths);
        listings.clear();
    }

    // the rest of StandardJavaFileManager, forwarded (its default methods would not reach the JDK's own)

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromFiles(Iterable<? extends File> files) {
        return fileManager.getJavaFileObjectsFromFiles(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(Collection<? extends Path> paths) {
        return fileManager.getJavaFileObjectsFromPaths(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(File... files) {
        return fileManager.getJavaFileObjects(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(Path... paths) {
        return fileManager.getJavaFileObjects(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromStrings(Iterable<String> names) {
        return fileManager.getJavaFileObjectsFromStrings(names);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(String... names) {
        return fileManager.getJavaFileObjects(names);
    }

    @Override
    public Iterable<? extends File> getLocation(Location location) {
        return fileManager.getLocation(location);
    }

    @Override
    public Iterable<? extends Path> getLocationAsPaths(Location location) {
        return fileManager.getLocationAsPaths(location);
    }

    @Override
    public Path asPath(FileObject file) {
        return fileManager.asPath(Objects.requireNonNull(file));
    }

    @Override
    public void setPathFactory(PathFactory factory) {
        fileManager.setPathFactory(factory);
    }
}
