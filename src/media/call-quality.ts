import type { CallQualityRating } from './call-quality-rating';

/** An estimate of how a call sounds, from the E-model (ITU-T G.107). */
export interface CallQuality {
  /** Transmission rating factor R, 0–100 (93.2 is a perfect narrowband call). */
  rFactor: number;
  /** Mean opinion score, 1–4.5. */
  mos: number;
  rating: CallQualityRating;
}
