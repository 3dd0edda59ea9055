package dev.clipforge.common.assets;

/**
 * Media derived once per source content: 16 kHz mono PCM for speech work and a poster frame.
 *
 * @param sharedFrom the asset whose identical content produced these objects, or null if this one did
 */
public record DerivedMedia(String speechAudioKey, String posterKey, double posterAtSeconds, String sharedFrom) {
}
