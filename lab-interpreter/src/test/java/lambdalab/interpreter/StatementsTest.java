package lambdalab.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import lambdalab.interpreter.Statements.Dialect;
import org.junit.jupiter.api.Test;

class StatementsTest {

    @Test
    void splitsAtSemicolonsAndDropsEmptyStatements() {
        assertThat(Statements.split("SELECT 1;\n\nSELECT 2 ;;\n", Dialect.SPARK_SQL))
                .containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void semicolonsInStringsIdentifiersAndCommentsDoNotSplit() {
        String sql = """
                -- load; then count
                SELECT 'a;b', "c;d", `e;f` /* g; h */ FROM t;
                SELECT 'it''s; fine', 'back\\'slash;'
                """;
        assertThat(Statements.split(sql, Dialect.SPARK_SQL)).containsExactly(
                "-- load; then count\nSELECT 'a;b', \"c;d\", `e;f` /* g; h */ FROM t",
                "SELECT 'it''s; fine', 'back\\'slash;'");
    }

    @Test
    void aStatementOfOnlyCommentsIsDropped() {
        assertThat(Statements.split("SELECT 1;\n-- the end; really\n/* done */", Dialect.SPARK_SQL))
                .containsExactly("SELECT 1");
    }

    @Test
    void cqlAlsoKnowsDoubleSlashComments() {
        assertThat(Statements.split("// keyspaces; all\nSELECT * FROM system_schema.keyspaces", Dialect.CQL))
                .containsExactly("// keyspaces; all\nSELECT * FROM system_schema.keyspaces");
        assertThat(Statements.split("SELECT 10 // 3; SELECT 2", Dialect.SPARK_SQL)).hasSize(2);
    }
}
