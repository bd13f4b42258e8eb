/** A codec's E-model figures (ITU-T G.113 Appendix I). */
export interface CodecImpairment {
  /** Equipment impairment without loss (Ie). */
  ie: number;
  /** Packet-loss robustness (Bpl). */
  bpl: number;
  /** Packetisation and algorithmic delay added to the network's, ms. */
  delayMs: number;
}
