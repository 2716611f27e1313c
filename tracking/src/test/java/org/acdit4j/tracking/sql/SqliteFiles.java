package org.acdit4j.tracking.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC access to a database file for the tests, independent of the store's own connection code. */
final class SqliteFiles {

    private SqliteFiles() {
    }

    static Connection open(Path database) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + database);
    }

    /** Every row of {@code sql}, each as its columns' values as text ({@code null} stays null). */
    static List<List<String>> rows(Path database, String sql) throws SQLException {
        try (Connection connection = open(database)) {
            return rows(connection, sql);
        }
    }

    static List<List<String>> rows(Connection connection, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    static void execute(Path database, String sql) throws SQLException {
        try (Connection connection = open(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
