package lambdalab.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.execution.LocalExecutionControlProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPathListingsTest {

    @TempDir
    Path dir;

    @Test
    void aPackageIsListedOnceAndAsTheJdksFileManagerListsIt() throws IOException {
        Path classes = compile("greeting", "Hello", "public class Hello { }");
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        try (var standard = compiler.getStandardFileManager(null, null, null);
             var listings = new ClassPathListings(compiler.getStandardFileManager(null, null, null))) {
            standard.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of(classes));
            listings.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of(classes));
            Set<JavaFileObject.Kind> kinds = Set.of(JavaFileObject.Kind.CLASS);

            Iterable<JavaFileObject> first = listings.list(StandardLocation.CLASS_PATH, "greeting", kinds, false);

            assertThat(names(first)).containsExactlyElementsOf(names(standard.list(StandardLocation.CLASS_PATH,
                    "greeting", kinds, false))).containsExactly("Hello.class");
            assertThat(listings.list(StandardLocation.CLASS_PATH, "greeting", kinds, false)).as("kept").isSameAs(first);
        }
    }

    @Test
    void aClassAddedToTheClassPathLaterIsFoundInAPackageListedBefore() throws IOException {
        Path classes = compile("greeting", "Hello", "public class Hello { public String hi() { return \"hi\"; } }");
        try (JShell shell = JShell.builder().executionEngine(new LocalExecutionControlProvider(), Map.of())
                .fileManager(ClassPathListings::new).build()) {
            assertThat(status(shell, "int x = 1;")).isEqualTo(Snippet.Status.VALID);
            // lists the package while it is not on the class path yet
            assertThat(status(shell, "String before = new greeting.Hello().hi();")).isEqualTo(Snippet.Status.REJECTED);

            shell.addToClasspath(classes.toString());

            List<SnippetEvent> after = shell.eval("new greeting.Hello().hi()");
            assertThat(after.get(0).status()).as(after.toString()).isEqualTo(Snippet.Status.VALID);
            assertThat(after.get(0).value()).isEqualTo("\"hi\"");
        }
    }

    private static Snippet.Status status(JShell shell, String source) {
        return shell.eval(source).get(0).status();
    }

    private static List<String> names(Iterable<JavaFileObject> files) {
        List<String> names = new java.util.ArrayList<>();
        files.forEach(file -> names.add(Path.of(file.getName()).getFileName().toString()));
        return names;
    }

    /** Compiles one class of a package into a class folder of its own. */
    private Path compile(String packageName, String className, String body) throws IOException {
        Path source = dir.resolve("src").resolve(packageName).resolve(className + ".java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package " + packageName + ";\n" + body + "\n");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), source.toString());
        assertThat(exit).as("javac of " + source).isZero();
        return classes;
    }
}
