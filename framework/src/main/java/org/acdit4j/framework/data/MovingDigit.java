package org.acdit4j.framework.data;

/** One digit of a Moving-MNIST clip: its index in the digit pool and the path its top-left corner follows. */
record MovingDigit(int index, BouncingPath path) {
}
