package org.acdit4j.tracking.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.acdit4j.tracking.MetricBuffering;
import org.acdit4j.tracking.support.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema text acdit4j writes states each foreign key's actions where SQLAlchemy's reflection reads them: what a
 * reader of the {@code CREATE TABLE} text finds equals what SQLite itself enforces ({@code PRAGMA foreign_key_list}),
 * for every foreign key of every table. A cascade the text hides from SQLAlchemy would be dropped by the next MLflow
 * migration that rebuilds its table.
 */
class SchemaTextForeignKeysTest {

    @TempDir
    Path folder;

    @Test
    void everyForeignKeyActionIsReadableFromTheSchemaText() throws Exception {
        SqliteLocation location = new SqliteLocation(folder.resolve("mlflow.db"));
        new SqliteStore(location, Clock.systemUTC(), TestFiles.SOURCE, MetricBuffering.defaults()).close();
        List<String> fromText = new ArrayList<>();
        List<String> enforced = new ArrayList<>();
        try (Connection c = SqliteFiles.open(location.database())) {
            for (List<String> table : SqliteFiles.rows(c, "SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                    + "ORDER BY name")) {
                for (DdlForeignKeys.ForeignKey key : DdlForeignKeys.of(table.get(1))) {
                    fromText.add(table.get(0) + " " + key.columns() + " -> " + key.referredTable()
                            + " delete " + key.onDelete() + " update " + key.onUpdate());
                }
                for (List<String> key : SqliteFiles.rows(c, "SELECT \"table\", group_concat(\"from\", ', '), "
                        + "on_delete, on_update FROM pragma_foreign_key_list('" + table.get(0) + "') GROUP BY id "
                        + "ORDER BY id DESC")) {
                    enforced.add(table.get(0) + " [" + key.get(1) + "] -> " + key.get(0)
                            + " delete " + key.get(2) + " update " + key.get(3));
                }
            }
        }
        assertThat(enforced).hasSize(14).contains(
                "registered_model_aliases [name] -> registered_models delete CASCADE update CASCADE",
                "trace_tags [request_id] -> trace_info delete CASCADE update NO ACTION",
                "trace_request_metadata [request_id] -> trace_info delete CASCADE update NO ACTION");
        assertThat(fromText).containsExactlyInAnyOrderElementsOf(enforced);
    }

    @Test
    void theReaderMissesAnActionOnTheLineAfterReferences() {
        String split = "CREATE TABLE t (a INTEGER, CONSTRAINT fk FOREIGN KEY (a) REFERENCES p (a)\n    ON DELETE CASCADE)";
        String oneLine = "CREATE TABLE t (a INTEGER, CONSTRAINT fk FOREIGN KEY (a) REFERENCES p (a) ON DELETE CASCADE)";

        assertThat(DdlForeignKeys.of(split)).singleElement().extracting(DdlForeignKeys.ForeignKey::onDelete)
                .isEqualTo("NO ACTION");
        assertThat(DdlForeignKeys.of(oneLine)).singleElement().extracting(DdlForeignKeys.ForeignKey::onDelete)
                .isEqualTo("CASCADE");
    }
}
