"""Benchmark stages of `lokgraph diff`: two synthetic survey rounds in one store (issue 14).

The second round is the one `lokgraph synth --second-round` writes, with known changes; the
measures time both round views and the diff of them, without and with the gap queries.
"""

from __future__ import annotations

from bench.registry import Context, measure

__all__: list[str] = []


def _two_round_graph(ctx: Context):
    graph = ctx.values.get("two_rounds")
    if graph is None:
        from lokgraph.graph import merge, new_graph
        from lokgraph.synth_rounds import two_rounds

        first, second, _, _ = two_rounds(ctx.truth, ctx.seed)
        graph = new_graph()
        merge(graph, first)
        merge(graph, second)
        ctx.values["two_rounds"] = graph
    return graph


@measure("diff_s", "diff two rounds s (both views + changes)", stage=True)
def _diff(ctx: Context) -> float:
    from lokgraph.diff import diff_graphs
    from lokgraph.rounds import at_rounds

    graph = _two_round_graph(ctx)  # both views as `lokgraph diff` makes them of one store
    return ctx.best(lambda: diff_graphs(*at_rounds(graph, "2024", "2025")))


@measure("diff_gaps_s", "diff two rounds with gaps s", "{:.2f}", stage=True)
def _diff_gaps(ctx: Context) -> float:
    from lokgraph.diff import diff_graphs
    from lokgraph.rounds import at_rounds
    from queries.registry import run_all

    graph = _two_round_graph(ctx)

    def run():
        before, after = at_rounds(graph, "2024", "2025")
        return diff_graphs(before, after, gaps_before=run_all(before), gaps_after=run_all(after))

    return ctx.best(run, 1)
