package hotline.audio;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * One AudioSocket frame: {@code kind(1) length(2, big-endian) payload(length)}. What
 * Asterisk sends is caller-controlled: lengths are capped, unknown kinds are skipped, and
 * anything malformed is a {@link ProtocolException} (the connection is then closed).
 */
sealed interface AudioFrame {

    int KIND_HANGUP = 0x00;
    int KIND_UUID = 0x01;
    int KIND_DTMF = 0x03;   // the caller's key, one ASCII byte (Asterisk 20+; docs/line-quality.md)
    int KIND_AUDIO = 0x10;  // 8 kHz signed-linear 16-bit little-endian
    int KIND_ERROR = 0xff;
    /** 20 ms of 8 kHz audio is 320 bytes; a frame 12 times that is garbage. */
    int MAX_PAYLOAD = 4096;

    /** The first frame: which {@link Listening} this connection is for. */
    record Identify(UUID id) implements AudioFrame {}

    /** Caller audio, signed 16-bit little-endian samples. */
    record Audio(byte[] pcm) implements AudioFrame {}

    /** The caller pressed a key: 0-9, *, #, A-D. */
    record Dtmf(char key) implements AudioFrame {}

    /** Asterisk ended the session (the caller hung up, or AudioSocket stopped). */
    record Hangup() implements AudioFrame {}

    /** Asterisk reports an error (code: 0x01 hangup, 0x02 frame forwarding, 0x04 memory). */
    record Error(int code) implements AudioFrame {}

    /** A kind this server does not use (other sample rates), or a malformed key: skipped. */
    record Skipped(int kind, int length) implements AudioFrame {}

    /** Reads the next frame; {@link java.io.EOFException} when the stream ends. */
    static AudioFrame read(DataInputStream in) throws IOException {
        int kind = in.readUnsignedByte();
        int length = in.readUnsignedShort();
        if (length > MAX_PAYLOAD) {
            throw new ProtocolException("frame kind 0x" + Integer.toHexString(kind) + " of " + length
                    + " bytes (at most " + MAX_PAYLOAD + ")");
        }
        byte[] payload = new byte[length];
        in.readFully(payload);
        return switch (kind) {
            case KIND_HANGUP -> new Hangup();
            case KIND_UUID -> {
                if (length != 16) throw new ProtocolException("a UUID frame of " + length + " bytes, not 16");
                ByteBuffer b = ByteBuffer.wrap(payload);
                yield new Identify(new UUID(b.getLong(), b.getLong()));
            }
            case KIND_AUDIO -> new Audio(payload);
            case KIND_DTMF -> length == 1 && isKey((char) payload[0]) ? new Dtmf((char) payload[0])
                    : new Skipped(kind, length);
            case KIND_ERROR -> new Error(length == 0 ? 0 : payload[0] & 0xff);
            default -> new Skipped(kind, length);
        };
    }

    /** A DTMF key Asterisk can send; anything else in a DTMF frame is skipped. */
    static boolean isKey(char c) {
        return (c >= '0' && c <= '9') || c == '*' || c == '#' || (c >= 'A' && c <= 'D');
    }

    /** The frame that ends the session from our side. */
    static byte[] hangup() {
        return new byte[] {KIND_HANGUP, 0, 0};
    }

    /** A frame as bytes (what a test's fake Asterisk sends). */
    static byte[] encode(int kind, byte[] payload) {
        byte[] frame = new byte[3 + payload.length];
        frame[0] = (byte) kind;
        frame[1] = (byte) (payload.length >>> 8);
        frame[2] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 3, payload.length);
        return frame;
    }

    static byte[] identify(UUID id) {
        return encode(KIND_UUID, ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array());
    }
}
