import { Extension } from "@tiptap/core";

/**
 * Carries each top-level block's paragraph key (data-key) through the editor, so the server can
 * tell a changed paragraph (same key) from a new one. A split paragraph's second half gets no key
 * (keepOnSplit: false): it is a new block and the server gives it a new key.
 */
export const BlockKeys = Extension.create({
  name: "blockKeys",
  addGlobalAttributes() {
    return [
      {
        types: ["paragraph", "bulletList", "orderedList", "table"],
        attributes: {
          blockKey: {
            default: null,
            keepOnSplit: false,
            parseHTML: (el) => el.getAttribute("data-key"),
            renderHTML: (attrs) => (attrs.blockKey ? { "data-key": attrs.blockKey } : {}),
          },
        },
      },
    ];
  },
});
