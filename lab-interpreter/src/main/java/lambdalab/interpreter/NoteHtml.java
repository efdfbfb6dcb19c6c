package lambdalab.interpreter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A readable, self-contained HTML page of an executed note: per paragraph its title, code, status
 * and time, and its results the way Zeppelin shows them (text, HTML, tables). For reading a headless
 * run without a Zeppelin; charts show as their tables.
 */
public final class NoteHtml {

    private static final String STYLE = """
            body { font-family: sans-serif; max-width: 70em; margin: 2em auto; color: #222; }
            .paragraph { border: 1px solid #ddd; border-radius: 4px; margin: 1em 0; padding: 0.5em 1em; }
            .status { font-size: 0.85em; color: #666; }
            .ERROR { border-color: #c33; } .ERROR .status { color: #c33; font-weight: bold; }
            .SKIPPED, .READY { opacity: 0.6; }
            pre { background: #f6f6f6; padding: 0.5em; overflow-x: auto; }
            pre.code { background: #eef3f8; }
            table { border-collapse: collapse; margin: 0.5em 0; }
            td, th { border: 1px solid #ccc; padding: 2px 8px; text-align: left; }
            """;

    private NoteHtml() {
    }

    public static String render(NoteFile note) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(escape(note.name()))
                .append("</title>\n<style>").append(STYLE).append("</style></head>\n<body>\n<h1>")
                .append(escape(note.name())).append("</h1>\n");
        for (ObjectNode paragraph : note.paragraphs()) {
            paragraph(html, paragraph, note.defaultInterpreter());
        }
        return html.append("</body></html>\n").toString();
    }

    private static void paragraph(StringBuilder html, ObjectNode paragraph, String defaultInterpreter) {
        String status = paragraph.path("status").asText("READY");
        ParagraphText text = ParagraphText.parse(paragraph.path("text").asText(""), defaultInterpreter);
        html.append("<div class=\"paragraph ").append(escape(status)).append("\" id=\"")
                .append(escape(paragraph.path("id").asText())).append("\">\n");
        if (!paragraph.path("title").asText().isBlank()) {
            html.append("<h3>").append(escape(paragraph.path("title").asText())).append("</h3>\n");
        }
        html.append("<div class=\"status\">%").append(escape(text.interpreter())).append(" &middot; ")
                .append(escape(status)).append(dates(paragraph)).append("</div>\n");
        if (!text.interpreter().equals("md") && !text.body().isBlank()) {
            html.append("<pre class=\"code\">").append(escape(text.body().strip())).append("</pre>\n");
        }
        for (JsonNode message : paragraph.path("results").path("msg")) {
            result(html, message.path("type").asText("TEXT"), message.path("data").asText(""));
        }
        html.append("</div>\n");
    }

    private static String dates(ObjectNode paragraph) {
        String started = paragraph.path("dateStarted").asText("");
        String finished = paragraph.path("dateFinished").asText("");
        return started.isEmpty() ? "" : " &middot; " + escape(started) + " to " + escape(finished);
    }

    private static void result(StringBuilder html, String type, String data) {
        switch (type) {
            case "HTML" -> html.append(data).append('\n');
            case "TABLE" -> table(html, data);
            case "IMG" -> html.append("<img src=\"data:image/png;base64,").append(escape(data)).append("\">\n");
            default -> {
                if (!data.isBlank()) {
                    html.append("<pre>").append(escape(data)).append("</pre>\n");
                }
            }
        }
    }

    /** Zeppelin's table text: a tab-separated header line, then rows. */
    private static void table(StringBuilder html, String data) {
        String[] lines = data.split("\n");
        html.append("<table>\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            String cell = i == 0 ? "th" : "td";
            html.append("<tr>");
            for (String value : lines[i].split("\t", -1)) {
                html.append('<').append(cell).append('>').append(escape(value)).append("</").append(cell).append('>');
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
