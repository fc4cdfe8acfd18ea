package dev.inkan.message;

import java.util.Arrays;

/** An unsynchronized byte accumulator for canonical header data (ByteArrayOutputStream locks per byte). */
public final class GrowableBytes {

    private byte[] bytes;
    private int length;

    public GrowableBytes(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    public void write(int b) {
        if (length == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[length++] = (byte) b;
    }

    public void write(byte[] b, int off, int len) {
        if (length + len > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + len));
        }
        System.arraycopy(b, off, bytes, length, len);
        length += len;
    }

    public int length() {
        return length;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }
}
