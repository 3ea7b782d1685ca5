// Bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069), removed from every
// text an office shows or keeps from a visitor: one unclosed override would reorder what follows it
// on the display, the kiosk or a printed ticket («1042» read as «2401»). The marks (U+200E, U+200F,
// U+061C) and ZWNJ stay: Persian text needs them.
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
