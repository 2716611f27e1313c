package org.acdit4j.framework.run;

import java.nio.file.Path;

/** Holds the run lock of the folder given as argument until it is killed; prints "held" once it has it. */
public final class RunLockHolder {

    private RunLockHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (RunLock lock = RunLock.tryAcquire(new RunFolder(Path.of(args[0]))).orElseThrow()) {
            System.out.println("held");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
