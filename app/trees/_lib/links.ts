// URLs of the tree viewer (next to app/_lib/links.ts, which builds the other in-app URLs).

/** A tree's viewer, optionally opened on one node (?node=<idx>, the selection the page keeps in its URL). */
export const treeHref = (treeId: number, nodeIdx?: number) => (nodeIdx === undefined ? `/trees/${treeId}` : `/trees/${treeId}?node=${nodeIdx}`);
