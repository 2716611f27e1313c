package org.acdit4j.tracking.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.acdit4j.tracking.TrackingException;
import org.sqlite.SQLiteConfig;

/**
 * One JDBC connection to a SQLite database, set up for many processes writing at once: write-ahead logging
 * (readers never block the writer), a busy timeout (a writer waits for another's transaction instead of
 * failing) and short write transactions that take the write lock at their start ({@code BEGIN IMMEDIATE}), so
 * two writers never deadlock upgrading a read lock. Foreign keys are enforced as MLflow enforces them.
 * Threads share the connection one at a time.
 */
final class SqliteConnection implements AutoCloseable {

    /** How long a write waits for other processes' transactions before failing. */
    static final Duration BUSY_TIMEOUT = Duration.ofSeconds(60);

    /** A unit of database work. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path database;
    private final Connection connection;

    private SqliteConnection(Path database, Connection connection) {
        this.database = database;
        this.connection = connection;
    }

    /** Opens (creating the file when missing) a connection for reading and writing, in WAL mode. */
    static SqliteConnection openForWriting(Path database) {
        SqliteConnection opened = open(database, false);
        try (Statement statement = opened.connection.createStatement()) {
            statement.execute("PRAGMA journal_mode = WAL");
        } catch (SQLException e) {
            opened.close();
            throw failure("cannot switch " + database + " to write-ahead logging", e);
        }
        return opened;
    }

    /** Opens an existing database read-only (nothing is created or changed). */
    static SqliteConnection openReadOnly(Path database) {
        return open(database, true);
    }

    private static SqliteConnection open(Path database, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) BUSY_TIMEOUT.toMillis());
        config.enforceForeignKeys(true);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setReadOnly(readOnly);
        try {
            return new SqliteConnection(database,
                    DriverManager.getConnection("jdbc:sqlite:" + database, config.toProperties()));
        } catch (SQLException e) {
            throw failure("cannot open the SQLite database " + database, e);
        }
    }

    /** Runs {@code work} in one write transaction: all of it is stored, or (on any failure) none of it. */
    synchronized <T> T write(Work<T> work) {
        return inTransaction("BEGIN IMMEDIATE", work);
    }

    /** Runs {@code work} in one read transaction: it sees one consistent state of the database. */
    synchronized <T> T read(Work<T> work) {
        return inTransaction("BEGIN DEFERRED", work);
    }

    private <T> T inTransaction(String begin, Work<T> work) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(begin);
            try {
                T result = work.run(connection);
                statement.execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                statement.execute("ROLLBACK");
                throw e;
            }
        } catch (SQLException e) {
            throw failure("SQLite database " + database + " failed", e);
        }
    }

    Path database() {
        return database;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("cannot close the SQLite database " + database, e);
        }
    }

    private static TrackingException failure(String what, SQLException e) {
        String message = e.getMessage() == null
                ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return new TrackingException(what + ": " + message, e);
    }
}
