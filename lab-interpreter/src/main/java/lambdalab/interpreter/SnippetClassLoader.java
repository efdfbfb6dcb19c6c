package lambdalab.interpreter;

import java.net.URL;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The class loader Spark sees as the application's: the interpreter's own classes first, then the
 * classes that JShell defined for snippets (records, lambdas), which live in a loader of their own.
 *
 * <p>Why: in local mode Spark's executor deserializes each task with the loader that was the context
 * class loader when the SparkContext started. Without this one, a lambda or record declared in a
 * notebook paragraph fails inside a task with ClassNotFoundException.
 */
public final class SnippetClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static final SnippetClassLoader INSTANCE =
            new SnippetClassLoader(SnippetClassLoader.class.getClassLoader());

    private final List<ClassLoader> snippetLoaders = new CopyOnWriteArrayList<>();

    private SnippetClassLoader(ClassLoader parent) {
        super("lab-snippets", parent);
    }

    public static SnippetClassLoader instance() {
        return INSTANCE;
    }

    /** Makes the classes of one JShell's snippets visible to Spark. */
    public void register(ClassLoader snippetLoader) {
        if (!snippetLoaders.contains(snippetLoader)) {
            snippetLoaders.add(snippetLoader);
        }
    }

    public void unregister(ClassLoader snippetLoader) {
        snippetLoaders.remove(snippetLoader);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        for (ClassLoader loader : snippetLoaders) {
            try {
                return Class.forName(name, false, loader);
            } catch (ClassNotFoundException notThere) {
                // try the next JShell's loader
            }
        }
        throw new ClassNotFoundException(name);
    }

    @Override
    protected URL findResource(String name) {
        for (ClassLoader loader : snippetLoaders) {
            URL url = loader.getResource(name);
            if (url != null) {
                return url;
            }
        }
        return null;
    }
}
