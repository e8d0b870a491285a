/** Longest accessibility feedback message, in characters (told to the person before they type). */
export const FEEDBACK_MAX = 5000;
