#!/usr/bin/env python3
"""Where a plan's gap to the LP bound comes from, by rule, and how many moves each dual prices
within it. An analysis aid for BENCHMARKS.md, not part of the build or the tests.

    pip install highspy
    rotaplan plan DIR -o OUT --export-mps model.mps      # the full model, every move
    python3 benches/lp_gap.py model.mps OUT               # OUT: the plan to compare with

Prints the LP relaxation's optimum, the plan's objective (its moves fixed, the slacks
re-solved: it must match `summary.md`), the cost of each kind of column in both (columns
are named by kind: `e` a move, `x` holding the current post, then the rules' slacks), the
columns fractional in the LP, and how many binaries a dual solution prices within the gap,
at the simplex's vertex and at an interior point's (no crossover).
"""
import collections
import csv
import re
import sys

import highspy
import numpy as np


def load(mps):
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.readModel(mps)
    return h


def solve_relaxed(mps, lower=None, upper=None, **options):
    h = load(mps)
    lp = h.getLp()
    lp.integrality_ = []
    if lower is not None:
        lp.col_lower_, lp.col_upper_ = lower, upper
    h.passModel(lp)
    for name, value in options.items():
        h.setOptionValue(name, value)
    h.run()
    sol = h.getSolution()
    return h.getInfo().objective_function_value, np.array(sol.col_value), np.array(sol.col_dual)


def main(mps, plan_dir):
    h = load(mps)
    lp = h.getLp()
    n = lp.num_col_
    names = [h.getColName(i)[1] for i in range(n)]
    index = {name: i for i, name in enumerate(names)}
    cost = np.array(lp.col_cost_)
    binary = np.array([int(v) == 1 for v in lp.integrality_]) & (np.array(lp.col_lower_) == 0)

    # The plan's columns: the current post held (`x[p,post,year]`), or a stint taken up
    # (`e[p,post,first-last]`) over each run of years in another post.
    held = collections.defaultdict(dict)
    for row in csv.DictReader(open(f"{plan_dir}/plan.csv", encoding="utf-8")):
        if row["post_id"]:
            held[row["person_id"]][int(row["year"])] = row["post_id"]
    ones = set()
    for person, years in held.items():
        for y, post in sorted(years.items()):
            if f"x[{person},{post},{y}]" in index:
                ones.add(index[f"x[{person},{post},{y}]"])
            elif years.get(y - 1) != post or f"x[{person},{post},{y - 1}]" in index:
                last = y
                while years.get(last + 1) == post:
                    last += 1
                name = f"e[{person},{post},{y}-{last}]"
                if name not in index:
                    sys.exit(f"the plan's move {name} is not a column of the model")
                ones.add(index[name])
    lower, upper = list(lp.col_lower_), list(lp.col_upper_)
    for i, name in enumerate(names):
        if name[:2] in ("e[", "x["):
            lower[i] = upper[i] = 1.0 if i in ones else 0.0

    lp_value, lp_x, vertex = solve_relaxed(mps, solver="simplex")
    plan_value, plan_x, _ = solve_relaxed(mps, lower, upper)
    print(f"LP {lp_value:.2f}, plan {plan_value:.2f}, gap {plan_value - lp_value:.2f}")

    kind = lambda name: re.split(r"[\[#]", name)[0]
    lp_cost, plan_cost = collections.Counter(), collections.Counter()
    for i in np.nonzero(cost)[0]:
        lp_cost[kind(names[i])] += cost[i] * lp_x[i]
        plan_cost[kind(names[i])] += cost[i] * plan_x[i]
    print(f"{'columns':16} {'LP':>10} {'plan':>10} {'plan - LP':>10}")
    for k in sorted(set(lp_cost) | set(plan_cost), key=lambda k: -abs(plan_cost[k] - lp_cost[k])):
        print(f"{k:16} {lp_cost[k]:10.2f} {plan_cost[k]:10.2f} {plan_cost[k] - lp_cost[k]:10.2f}")

    fractional = [i for i in range(n) if 1e-6 < lp_x[i] % 1 < 1 - 1e-6]
    people = {names[i][2:].split(",")[0] for i in fractional if names[i][:2] in ("e[", "x[")}
    print(f"fractional in the LP: {len(fractional)} columns, {len(people)} officials;",
          dict(collections.Counter(kind(names[i]) for i in fractional)))

    gap = plan_value - lp_value
    _, _, central = solve_relaxed(mps, solver="ipm", run_crossover="off")
    for label, d in [("the vertex's (simplex)", vertex), ("an interior point's", central), ("the higher of the two", np.maximum(vertex, central))]:
        print(f"binaries priced within the gap, at {label} duals: {int(np.sum(binary & (d <= gap + 1e-9)))} of {int(binary.sum())}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
