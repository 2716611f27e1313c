package org.acdit4j.tracking.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the foreign keys of one {@code CREATE TABLE} text the way SQLAlchemy's SQLite reflection reads them: the
 * {@code FOREIGN KEY (…) REFERENCES table (…)} clause, then the {@code ON DELETE}/{@code ON UPDATE} actions only when
 * they follow the referenced columns separated by spaces. The SQLAlchemy that MLflow 2.17.2 ran with (issue 35) took no
 * line break there, so an action on the next line was not reflected and a table rebuilt by an alembic batch migration
 * lost it; this reader keeps that stricter rule.
 */
final class DdlForeignKeys {

    private static final String NAME = "(?:\"[^\"]+\"|[A-Za-z0-9_]+)";
    private static final Pattern FOREIGN_KEY = Pattern.compile(
            "FOREIGN +KEY *\\( *([^)]+?) *\\) +REFERENCES +(" + NAME + ") *\\( *([^)]+?) *\\)((?: *ON +(?:DELETE|UPDATE)"
                    + " +(?:SET +NULL|SET +DEFAULT|CASCADE|RESTRICT|NO +ACTION))*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION = Pattern.compile(
            "ON +(DELETE|UPDATE) +(SET +NULL|SET +DEFAULT|CASCADE|RESTRICT|NO +ACTION)", Pattern.CASE_INSENSITIVE);

    /**
     * One foreign key as read from the text.
     *
     * @param onDelete the ON DELETE action in capitals, or {@code NO ACTION} when none is read
     * @param onUpdate the ON UPDATE action likewise
     */
    record ForeignKey(List<String> columns, String referredTable, String onDelete, String onUpdate) {
    }

    private DdlForeignKeys() {
    }

    static List<ForeignKey> of(String createTable) {
        List<ForeignKey> keys = new ArrayList<>();
        Matcher matcher = FOREIGN_KEY.matcher(createTable);
        while (matcher.find()) {
            String onDelete = "NO ACTION";
            String onUpdate = "NO ACTION";
            Matcher action = ACTION.matcher(matcher.group(4));
            while (action.find()) {
                String what = action.group(2).toUpperCase(Locale.ROOT).replaceAll(" +", " ");
                if (action.group(1).equalsIgnoreCase("DELETE")) {
                    onDelete = what;
                } else {
                    onUpdate = what;
                }
            }
            keys.add(new ForeignKey(names(matcher.group(1)), unquote(matcher.group(2)), onDelete, onUpdate));
        }
        return keys;
    }

    private static List<String> names(String list) {
        return List.of(list.split(" *, *")).stream().map(DdlForeignKeys::unquote).toList();
    }

    private static String unquote(String name) {
        return name.startsWith("\"") ? name.substring(1, name.length() - 1) : name;
    }
}
