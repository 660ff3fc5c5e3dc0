/**
 * Colour-blind-safe sequential classes (ColorBrewer YlGnBu, 5 classes): distinguishable under the common
 * colour-vision deficiencies, monotone in lightness so they also read in greyscale print.
 */
export const sequential5 = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'] as const;
/** Text colour that stays readable on each class. */
export const onSequential5 = ['#1a1d21', '#1a1d21', '#1a1d21', '#ffffff', '#ffffff'] as const;
/** Bars: a mid blue readable on light and dark backgrounds; planned figures lighter and hatched. */
export const barColour = '#2c7fb8';
export const plannedColour = '#9ecae1';
export const beforeColour = '#a6a6a6';
export const afterColour = '#2c7fb8';
