package dev.clipforge.activities.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Mono 16-bit PCM WAV files: the speech audio ClipForge derives and its models read. */
public final class Wav {
    public static final int HEADER_BYTES = 44;

    private Wav() {
    }

    public static byte[] header(long samples, int sampleRate) {
        long dataBytes = samples * 2;
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt((int) (36 + dataBytes)).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(sampleRate)
                .putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt((int) dataBytes);
        return b.array();
    }

    /** Reads a mono 16-bit WAV written by {@link SpeechAudio} (or any canonical one) as samples in -1..1. */
    public static float[] read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 12;
        while (pos + 8 <= all.length) {
            String id = new String(all, pos, 4, java.nio.charset.StandardCharsets.US_ASCII);
            int size = b.getInt(pos + 4);
            if (id.equals("data")) {
                int n = Math.min(size, all.length - pos - 8) / 2;
                float[] out = new float[n];
                for (int i = 0; i < n; i++) {
                    out[i] = b.getShort(pos + 8 + i * 2) / 32768f;
                }
                return out;
            }
            pos += 8 + size + (size & 1);
        }
        throw new IOException(file + " has no data chunk");
    }

    /** Writes samples in -1..1 as a mono 16-bit WAV. */
    public static void write(Path file, float[] samples, int sampleRate) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put(header(samples.length, sampleRate));
        for (float s : samples) {
            b.putShort((short) Math.round(Math.max(-1f, Math.min(1f, s)) * 32767f));
        }
        Files.write(file, b.array());
    }
}
