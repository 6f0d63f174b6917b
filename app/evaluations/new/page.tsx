import type { Metadata } from "next";
import { PageHeader } from "../../_components/page-header";
import { gatePage } from "../../_lib/page-gate";
import { EvaluationRunForm } from "../_components/evaluation-run-form";

export const metadata: Metadata = { title: "New evaluation" };
export const dynamic = "force-dynamic";

export default async function NewEvaluationPage() {
  const gate = await gatePage("run");
  if (gate.denied) return gate.denied;
  return (
    <>
      <PageHeader
        title="Evaluate trees"
        crumbs={[{ label: "Evaluations", href: "/evaluations" }, { label: "New evaluation" }]}
        description="An LLM judge decides, as ToolEval does: answers that do not end with Finish, give up or are empty are Unsolved; others are judged Solved, Unsolved or Unsure against the query, and unsolved queries are checked for solvability. The win rate compares two trees of the same instruction in both orders."
      />
      <EvaluationRunForm />
    </>
  );
}
