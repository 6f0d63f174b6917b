export * from "./bm25";
export * from "./documents";
export * from "./ndcg";
export * from "./embeddings";
