package dev.clipforge.activities.samples;

import dev.clipforge.activities.media.Ffmpeg;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.function.IntFunction;

/**
 * Writes videos whose every frame and sample is computed, so tests and the demo know exactly what is in
 * them: H.264 (or no video) plus AAC (or no audio) in MP4 or another container.
 */
public final class SampleVideos {
    private SampleVideos() {
    }

    /**
     * @param width  0 for an audio-only file
     * @param audio  mono samples in -1..1 at {@code sampleRate}, or null for a video-only file
     */
    public record Spec(int width, int height, double fps, double seconds, String format, float[] audio, int sampleRate) {
        public static Spec video(int width, int height, double fps, double seconds) {
            return new Spec(width, height, fps, seconds, "mp4", null, 0);
        }

        public Spec withAudio(float[] samples, int rate) {
            return new Spec(width, height, fps, seconds, format, samples, rate);
        }

        public Spec as(String container) {
            return new Spec(width, height, fps, seconds, container, audio, sampleRate);
        }

        public int frameCount() {
            return (int) Math.round(seconds * fps);
        }
    }

    public static void write(Path out, Spec spec, IntFunction<BufferedImage> frames) throws IOException {
        Ffmpeg.init();
        boolean video = spec.width() > 0;
        boolean audio = spec.audio() != null;
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(out.toFile(), video ? spec.width() : 0,
                video ? spec.height() : 0, audio ? 1 : 0);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            r.setFormat(spec.format());
            if (video) {
                r.setVideoCodec(avcodec.AV_CODEC_ID_H264);
                r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
                r.setFrameRate(spec.fps());
                r.setGopSize((int) Math.round(spec.fps()));
                r.setVideoOption("preset", "ultrafast");
                r.setVideoOption("crf", "18");
            }
            if (audio) {
                r.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
                r.setSampleRate(spec.sampleRate());
                r.setAudioBitrate(96_000);
            }
            r.start();
            int frameCount = video ? spec.frameCount() : 0;
            int samplesPerFrame = audio && video ? (int) Math.round(spec.sampleRate() / spec.fps()) : 4096;
            int written = 0;
            for (int i = 0; i < frameCount; i++) {
                Frame f = converter.convert(frames.apply(i));
                r.record(f, avutil.AV_PIX_FMT_BGR24);
                if (audio) {
                    written = writeAudio(r, spec.audio(), written, samplesPerFrame);
                }
            }
            while (audio && written < spec.audio().length) {
                written = writeAudio(r, spec.audio(), written, samplesPerFrame);
            }
            r.stop();
        }
    }

    private static int writeAudio(FFmpegFrameRecorder r, float[] samples, int from, int count) throws IOException {
        int n = Math.min(count, samples.length - from);
        if (n <= 0) {
            return from;
        }
        r.recordSamples(r.getSampleRate(), 1, FloatBuffer.wrap(samples, from, n));
        return from + n;
    }

    /** A sine tone in -1..1 of the given length, with silence where {@code silentBetween} says so. */
    public static float[] tone(double hz, double seconds, int rate, double amplitude) {
        float[] s = new float[(int) Math.round(seconds * rate)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return s;
    }
}
