package lambdalab.interpreter;

import java.util.List;
import java.util.Properties;
import org.apache.zeppelin.interpreter.Interpreter;
import org.apache.zeppelin.interpreter.InterpreterContext;
import org.apache.zeppelin.interpreter.InterpreterResult;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** {@code %md} for the headless runner (Zeppelin has its own): Markdown rendered to HTML, as Zeppelin shows it. */
public class MarkdownInterpreter extends Interpreter {

    /** GitHub-style tables, as Zeppelin's markdown renders them (the notes use them). */
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();

    public MarkdownInterpreter(Properties properties) {
        super(properties);
    }

    @Override
    public void open() {
        // nothing to start
    }

    @Override
    public InterpreterResult interpret(String markdown, InterpreterContext context) {
        String html = renderer.render(parser.parse(markdown));
        return new InterpreterResult(InterpreterResult.Code.SUCCESS, InterpreterResult.Type.HTML,
                "<div class=\"markdown-body\">\n" + html + "</div>");
    }

    @Override
    public void cancel(InterpreterContext context) {
        // rendering is instant
    }

    @Override
    public FormType getFormType() {
        return FormType.NONE;
    }

    @Override
    public int getProgress(InterpreterContext context) {
        return 0;
    }

    @Override
    public void close() {
        // nothing to stop
    }
}
