/** Length of a group's or organisation's name (plain data, for forms and inputs). */
export const registryNameLength = { min: 2, max: 160 } as const;
