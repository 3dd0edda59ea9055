package dev.clipforge.activities.media;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The audio speech models want: 16 kHz, mono, signed 16-bit PCM in a WAV file. Decoded in one pass that
 * skips video decoding; FFmpeg's resampler does the rate and channel conversion.
 */
public final class SpeechAudio {
    public static final int SAMPLE_RATE = 16_000;

    private SpeechAudio() {
    }

    /** Writes the WAV and returns its length in seconds. */
    public static double extract(Path source, Path wav, Runnable progress) throws IOException {
        long samples = 0;
        try (FFmpegFrameGrabber g = Ffmpeg.grabber(source);
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(wav), 1 << 16)) {
            g.setSampleRate(SAMPLE_RATE);
            g.setAudioChannels(1);
            g.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
            g.start();
            if (!g.hasAudio()) {
                throw new IOException("the source has no audio stream");
            }
            out.write(new byte[Wav.HEADER_BYTES]);
            byte[] chunk = new byte[0];
            Frame f;
            int frames = 0;
            while ((f = g.grabSamples()) != null) {
                ShortBuffer s = (ShortBuffer) f.samples[0];
                int n = s.remaining();
                if (chunk.length < n * 2) {
                    chunk = new byte[n * 2];
                }
                ByteBuffer.wrap(chunk, 0, n * 2).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().put(s.duplicate());
                out.write(chunk, 0, n * 2);
                samples += n;
                if (++frames % 2000 == 0) {
                    progress.run();
                }
            }
        }
        try (RandomAccessFile raf = new RandomAccessFile(wav.toFile(), "rw")) {
            raf.write(Wav.header(samples, SAMPLE_RATE));
        }
        return samples / (double) SAMPLE_RATE;
    }
}
