-- CreateIndex
CREATE INDEX "Evaluation_source_kind_model_idx" ON "Evaluation"("source", "kind", "model");
