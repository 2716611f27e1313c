package org.acdit4j.framework.data;

/** The two splits every dataset provides. */
public enum Split {
    TRAIN, TEST
}
