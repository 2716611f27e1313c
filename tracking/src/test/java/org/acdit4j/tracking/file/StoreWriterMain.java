package org.acdit4j.tracking.file;

import java.nio.file.Path;
import java.time.Clock;

import org.acdit4j.tracking.support.TestFiles;
import org.acdit4j.tracking.support.WriterScenarios;

/**
 * A child process for the multi-process tests of the file store: {@code concurrent <root> ...} or
 * {@code endless <root> ...}, as {@link WriterScenarios} describes them, on the file store at {@code root}.
 */
public final class StoreWriterMain {

    private StoreWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        WriterScenarios.run(args, buffering -> new MlrunsStore(Path.of(args[1]), Clock.systemUTC(), TestFiles.SOURCE,
                buffering));
    }
}
