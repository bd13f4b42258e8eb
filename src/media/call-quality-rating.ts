/** What the UI shows: good (R ≥ 80), fair (60 ≤ R < 80) or poor (R < 60), after ITU-T G.109's bands. */
export type CallQualityRating = 'good' | 'fair' | 'poor';
