package org.acdit4j.framework.run;

/** Another process trains the run already (it holds the run's {@link RunLock}); this one leaves it alone. */
public final class RunBusyException extends RuntimeException {

    public RunBusyException(RunFolder folder, String holder) {
        super(folder.root() + " is being trained by " + holder + "; not training it twice");
    }
}
