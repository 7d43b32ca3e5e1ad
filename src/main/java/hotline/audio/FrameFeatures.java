package hotline.audio;

/**
 * What one 20 ms frame measured; all the classifier keeps of the audio.
 *
 * @param power     mean power relative to full scale (0..1)
 * @param energyDb  the same in dBFS (a full-scale sine is -3), -100 for digital zero
 * @param voicing   periodicity 0..1 at a pitch lag (see FrameAnalyser)
 * @param bandRatio share of the energy in the telephone speech band 300..3400 Hz
 * @param flatness  spectral flatness 0..1 in 300..3400 Hz (1 = white noise)
 */
record FrameFeatures(double power, double energyDb, double voicing, double bandRatio, double flatness) {}
