/**
 * Longest comment and proposal description, in characters (announced in the forms). Plain data:
 * client forms import it from here, not from markdown.ts, which would bring markdown-it along.
 */
export const USER_TEXT_MAX = 5000;
