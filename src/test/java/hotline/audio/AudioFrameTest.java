package hotline.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AudioFrameTest {

    private static AudioFrame read(byte[] bytes) throws IOException {
        return AudioFrame.read(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    @Test
    void theFirstFrameNamesTheListenByItsUuid() throws IOException {
        UUID id = UUID.fromString("0f4e9a56-1b2c-4d3e-8f90-a1b2c3d4e5f6");

        assertThat(read(AudioFrame.identify(id))).isEqualTo(new AudioFrame.Identify(id));
    }

    @Test
    void theUuidTravelsInItsCanonicalByteOrder() throws IOException {
        byte[] frame = AudioFrame.identify(UUID.fromString("00112233-4455-6677-8899-aabbccddeeff"));

        assertThat(frame).startsWith(0x01, 0x00, 0x10, 0x00, 0x11, 0x22, 0x33);
    }

    @Test
    void audioHangupAndErrorFramesAreRecognised() throws IOException {
        assertThat(read(AudioFrame.encode(0x10, new byte[320]))).isInstanceOfSatisfying(AudioFrame.Audio.class,
                a -> assertThat(a.pcm()).hasSize(320));
        assertThat(read(new byte[] {0, 0, 0})).isEqualTo(new AudioFrame.Hangup());
        assertThat(read(AudioFrame.encode(0xff, new byte[] {4}))).isEqualTo(new AudioFrame.Error(4));
    }

    @Test
    void ourHangupFrameIsKindZeroWithLengthZero() {
        assertThat(AudioFrame.hangup()).containsExactly(0, 0, 0);
    }

    @Test
    void anUnknownKindIsSkippedWithItsPayload() throws IOException {
        byte[] wideband = AudioFrame.encode(0x11, new byte[640]); // 16 kHz audio: not what we asked for
        byte[] audio = AudioFrame.encode(0x10, new byte[4]);
        var in = new DataInputStream(new ByteArrayInputStream(concat(wideband, audio)));

        assertThat(AudioFrame.read(in)).isEqualTo(new AudioFrame.Skipped(0x11, 640));
        assertThat(AudioFrame.read(in)).isInstanceOf(AudioFrame.Audio.class);
    }

    @ParameterizedTest
    @ValueSource(chars = {'0', '1', '5', '8', '9', '*', '#', 'A', 'D'})
    void aDtmfFrameWithAValidKeyIsTheCallersKey(char key) throws IOException {
        assertThat(read(AudioFrame.encode(0x03, new byte[] {(byte) key}))).isEqualTo(new AudioFrame.Dtmf(key));
    }

    @ParameterizedTest
    @ValueSource(bytes = {'x', 'E', 'a', ' ', 0, (byte) 0xb5})
    void aDtmfFrameWithAByteThatIsNoKeyIsSkipped(byte notAKey) throws IOException {
        assertThat(read(AudioFrame.encode(0x03, new byte[] {notAKey}))).isEqualTo(new AudioFrame.Skipped(0x03, 1));
    }

    @Test
    void aDtmfFrameOfAnyLengthButOneIsSkippedWithItsPayload() throws IOException {
        byte[] empty = AudioFrame.encode(0x03, new byte[0]);
        byte[] twoKeys = AudioFrame.encode(0x03, new byte[] {'1', '2'});
        byte[] key = AudioFrame.encode(0x03, new byte[] {'8'});
        var in = new DataInputStream(new ByteArrayInputStream(concat(concat(empty, twoKeys), key)));

        assertThat(AudioFrame.read(in)).isEqualTo(new AudioFrame.Skipped(0x03, 0));
        assertThat(AudioFrame.read(in)).isEqualTo(new AudioFrame.Skipped(0x03, 2));
        assertThat(AudioFrame.read(in)).isEqualTo(new AudioFrame.Dtmf('8'));
    }

    @Test
    void aFrameLongerThanTheCapIsRefusedBeforeItsPayloadIsRead() {
        assertThatThrownBy(() -> read(new byte[] {0x10, (byte) 0xff, (byte) 0xff}))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("65535 bytes");
    }

    @Test
    void aUuidFrameOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> read(AudioFrame.encode(0x01, new byte[5])))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("not 16");
    }

    @Test
    void aStreamThatEndsMidFrameIsAnEndOfFile() {
        assertThatThrownBy(() -> read(new byte[] {0x10, 0x01, 0x40, 1, 2})).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> read(new byte[0])).isInstanceOf(EOFException.class);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
