package dev.clipforge.activities.qa;

import dev.clipforge.activities.media.Ffmpeg;
import dev.clipforge.activities.render.LoudnessMeter;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;

/**
 * What QA measures on the rendered preview in one decoding pass: duration, picture runs (black, frozen),
 * audio presence and silences, and (in a second, audio-only pass) loudness and true peak.
 */
record PreviewMeasures(double durationSeconds, double fps, boolean hasAudio, double longestBlack, double blackAt,
                       double longestFrozen, double frozenAt, double longestSilence, double silenceAt,
                       double integratedLufs, double truePeakDbtp) {

    /** Mean luma below this (0..1) is a black frame. */
    static final double BLACK_LUMA = 16 / 255.0;
    /** Mean absolute luma change below this between frames is a frozen picture. */
    static final double FROZEN_CHANGE = 0.0015;
    /** Audio quieter than this (dBFS RMS over 100 ms) is silence. */
    static final double SILENCE_DBFS = -50;

    static PreviewMeasures of(Path preview) throws IOException {
        double duration;
        double fps;
        boolean audio;
        double[] black = {0, 0, -1};
        double[] frozen = {0, 0, -1};
        double[] silence = {0, 0, -1};
        try (FFmpegFrameGrabber g = Ffmpeg.grabber(preview)) {
            g.setPixelFormat(avutil.AV_PIX_FMT_GRAY8);
            g.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
            g.setAudioChannels(1);
            g.start();
            duration = g.getLengthInTime() / 1_000_000.0;
            fps = g.getVideoFrameRate() > 0 ? g.getVideoFrameRate() : 30;
            audio = g.hasAudio();
            int sampleRate = audio ? g.getSampleRate() : 1;
            byte[] previous = null;
            double audioT = 0;
            double acc = 0;
            int accN = 0;
            int windowSamples = sampleRate / 10;
            Frame f;
            while ((f = g.grab()) != null) {
                if (f.image != null) {
                    double t = f.timestamp / 1_000_000.0;
                    ByteBuffer b = (ByteBuffer) f.image[0];
                    int w = f.imageWidth;
                    int h = f.imageHeight;
                    int stride = f.imageStride;
                    byte[] gray = new byte[(w / 4) * (h / 4)];
                    long sum = 0;
                    for (int y = 0, k = 0; y < h - 3; y += 4) {
                        for (int x = 0; x < w - 3; x += 4, k++) {
                            int v = b.get(y * stride + x) & 0xff;
                            gray[k] = (byte) v;
                            sum += v;
                        }
                    }
                    double mean = sum / (double) gray.length / 255.0;
                    run(black, mean < BLACK_LUMA, t, 1 / fps);
                    if (previous != null) {
                        long diff = 0;
                        for (int i = 0; i < gray.length; i++) {
                            diff += Math.abs((gray[i] & 0xff) - (previous[i] & 0xff));
                        }
                        run(frozen, diff / (double) gray.length / 255.0 < FROZEN_CHANGE, t, 1 / fps);
                    }
                    previous = gray;
                } else if (f.samples != null) {
                    ShortBuffer s = (ShortBuffer) f.samples[0];
                    while (s.hasRemaining()) {
                        double v = s.get() / 32768.0;
                        acc += v * v;
                        if (++accN == windowSamples) {
                            double db = 10 * Math.log10(acc / accN + 1e-12);
                            run(silence, db < SILENCE_DBFS, audioT, 0.1);
                            audioT += 0.1;
                            acc = 0;
                            accN = 0;
                        }
                    }
                }
            }
        }
        LoudnessMeter.Loudness loudness = audio ? LoudnessMeter.measure(preview, 0, duration)
                : new LoudnessMeter.Loudness(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY);
        return new PreviewMeasures(duration, fps, audio, black[1], black[2], frozen[1], frozen[2], silence[1], silence[2],
                loudness.integratedLufs(), loudness.truePeakDbtp());
    }

    /** Tracks the longest run of a condition: state = {current run, longest, where the longest began}. */
    private static void run(double[] state, boolean on, double t, double step) {
        if (on) {
            state[0] += step;
            if (state[0] > state[1]) {
                state[1] = state[0];
                state[2] = t - state[0] + step;
            }
        } else {
            state[0] = 0;
        }
    }
}
