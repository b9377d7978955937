#!/usr/bin/env python3
"""Careers as columns, measured: the Dantzig-Wolfe reformulation of an exported model over its
officials, solved by column generation, against the LP relaxation of the model as it is. An
analysis aid for BENCHMARKS.md, not part of the build or the tests.

    pip install highspy numpy scipy
    rotaplan plan DIR -o OUT --export-mps model.mps      # the full model, every move
    python3 benches/careers.py model.mps

A career is one official's whole horizon: the current post held for a prefix of the years
(`x[p,post,year]`), then a sequence of year-disjoint stints (`e[p,post,first-last]`), at
most one per one-stint-per-group row, idle (`idle[p,0,year]`) in the years held by none,
and the move count (`moves[p,0,0]`) their number. The official's own rows (official-year,
prefix, move count, one-stint-per-group) leave the master, which keeps the post-year and
the rules' rows, one convexity row per official and the rules' own columns. Pricing per
official: every single stint, the best pairs and the best triple (no official of the
district's plan moves more than three times), as many stints as `max_moves` allows, each
after the best prefix of the current post that ends before it. Up to four careers an official and round enter.

Prints each round's master LP value and Lagrangian bound, then the master's optimum (the
bound of the reformulation) and the LP relaxation's, with their times.
"""
import collections
import re
import sys
import time

import highspy
import numpy as np
import scipy.sparse as sp

OWN_ROWS = ("person", "prefix", "moves", "one-stint-per-group")
CAREERS_PER_ROUND = 4
PAIRS_PER_ROUND = 3


def load(mps):
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.readModel(mps)
    return h


def index_of(name):
    return int(re.match(r"[^\[]+\[(\d+),", name).group(1))


def main(mps):
    h = load(mps)
    lp = h.getLp()
    n, m = lp.num_col_, lp.num_row_
    a = lp.a_matrix_
    a = sp.csc_matrix((np.array(a.value_), np.array(a.index_), np.array(a.start_)), shape=(m, n))
    rows = [h.getRowName(i)[1] for i in range(m)]
    cols = [h.getColName(j)[1] for j in range(n)]
    cost, col_lower, col_upper = np.array(lp.col_cost_), np.array(lp.col_lower_), np.array(lp.col_upper_)
    row_lower, row_upper = np.array(lp.row_lower_), np.array(lp.row_upper_)
    kind = [r.split("[")[0] for r in rows]

    # Whose own rows; every column in one of them belongs to that official.
    row_owner = np.array([index_of(r) if k in OWN_ROWS else -1 for r, k in zip(rows, kind)])
    master_rows = np.nonzero(row_owner < 0)[0]
    owner = np.full(n, -1)
    for j in range(n):
        own = row_owner[a.indices[a.indptr[j]:a.indptr[j + 1]]]
        own = own[own >= 0]
        if len(own):
            owner[j] = own[0]
    group = np.full(n, -1)
    by_row = a.tocsr()
    for i in np.nonzero(np.array(kind) == "one-stint-per-group")[0]:
        group[by_row.indices[by_row.indptr[i]:by_row.indptr[i + 1]]] = i
    people = owner.max() + 1
    years = sorted({int(y) for c in cols for y in re.findall(r",(\d{4})[\]-]", c)})
    first, last = years[0], years[-1]

    official = [dict(x={}, idle={}, moves=None, e=[]) for _ in range(people)]
    for j in np.nonzero(owner >= 0)[0]:
        o, name = official[owner[j]], cols[j]
        if name.startswith("x["):
            o["x"][int(re.search(r",(\d{4})\]", name).group(1))] = j
        elif name.startswith("idle["):
            o["idle"][int(re.search(r",(\d{4})\]", name).group(1))] = j
        elif name.startswith("moves["):
            o["moves"] = j
        elif name.startswith("e["):
            f, l = map(int, re.search(r",(\d{4})-(\d{4})\]", name).groups())
            o["e"].append((f, l, j))
        else:
            sys.exit(f"column {name} is in an official's own rows but is no part of a career")
    for o in official:
        o["E"] = np.array([j for (_, _, j) in o["e"]], int)
        o["first"] = np.array([f for (f, _, _) in o["e"]], int)
        o["last"] = np.array([l for (_, l, _) in o["e"]], int)
        o["group"] = group[o["E"]]
        o["span"] = {j: (f, l) for (f, l, j) in o["e"]}
        # The current post must be held through its last pinned year.
        o["pinned"] = max([y for y, j in o["x"].items() if col_lower[j] > 0.5], default=first - 1)

    a_master = a[master_rows, :].tocsc()
    n_master = len(master_rows)
    master = highspy.Highs()
    master.setOptionValue("output_flag", False)
    inf = highspy.kHighsInf
    none = (0, np.array([0]), np.array([], np.int32), np.array([]))
    master.addRows(n_master, row_lower[master_rows], row_upper[master_rows], *none)
    master.addRows(people, np.ones(people), np.ones(people), *none)
    rule_cols = np.nonzero(owner < 0)[0]
    sub = a_master[:, rule_cols].tocsc()
    master.addCols(len(rule_cols), cost[rule_cols], col_lower[rule_cols], col_upper[rule_cols], sub.nnz,
                   sub.indptr[:-1].astype(np.int32), sub.indices.astype(np.int32), sub.data)
    big_m = 1e3 * (1 + np.abs(cost).max())
    for p in range(people):  # phase one: an artificial career per official
        master.addCol(big_m, 0.0, inf, 1, np.array([n_master + p], np.int32), np.array([1.0]))

    def add_career(p, keep_until, stints):
        o, parts, held = official[p], collections.Counter(), set()
        for y in range(first, keep_until + 1):
            parts[o["x"][y]] += 1
            held.add(y)
        for j in stints:
            f, l = o["span"][j]
            parts[j] += 1
            held.update(range(f, l + 1))
        if o["moves"] is not None and stints:
            parts[o["moves"]] += len(stints)
        for y, j in o["idle"].items():
            if y not in held:
                parts[j] += 1
        entries = collections.Counter()
        for j, v in parts.items():
            for r, c in zip(a_master.indices[a_master.indptr[j]:a_master.indptr[j + 1]],
                            a_master.data[a_master.indptr[j]:a_master.indptr[j + 1]]):
                entries[r] += c * v
        index = [int(r) for r in entries] + [n_master + p]
        value = [entries[r] for r in entries] + [1.0]
        master.addCol(sum(cost[j] * v for j, v in parts.items()), 0.0, inf, len(index),
                      np.array(index, np.int32), np.array(value))

    for p, o in enumerate(official):  # the current post as long as it may be held, and none
        keep = first - 1
        while keep + 1 in o["x"]:
            keep += 1
        add_career(p, keep, [])
        if keep >= first and o["pinned"] < first:
            add_career(p, first - 1, [])

    started, lp_seconds, rounds, careers = time.time(), 0.0, 0, 0
    while True:
        rounds += 1
        t = time.time()
        master.run()
        lp_seconds += time.time() - t
        objective = master.getInfo().objective_function_value
        dual = np.array(master.getSolution().row_dual)
        reduced = cost - a_master.T.dot(dual[:n_master])
        lagrangian, entering = objective, 0
        for p, o in enumerate(official):
            # A career's reduced cost: every year idle, plus what holding a year instead saves.
            idle = {y: reduced[j] for y, j in o["idle"].items()}
            base = sum(idle.values()) - dual[n_master + p]
            prefix, value = {first - 1: 0.0}, 0.0
            for y in range(first, last + 1):
                if y not in o["x"]:
                    break
                value += reduced[o["x"][y]] - idle.get(y, 0.0)
                prefix[y] = value
            prefix = {k: v for k, v in prefix.items() if k >= o["pinned"]}

            def best_prefix(start):
                return min(((v, k) for k, v in prefix.items() if k < start), default=(np.inf, None))

            found = [best_prefix(last + 1) + ([],)]
            E = o["E"]
            most = col_upper[o["moves"]] if o["moves"] is not None else 0  # `max_moves`, or none
            if len(E) and most >= 1:
                move = reduced[o["moves"]] if o["moves"] is not None else 0.0
                own = reduced[E] + move - np.array([sum(idle.get(y, 0.0) for y in range(f, l + 1))
                                                   for f, l in zip(o["first"], o["last"])])
                lead = np.array([best_prefix(f)[0] for f in o["first"]])
                for i in range(len(E)):
                    found.append((lead[i] + own[i], best_prefix(o["first"][i])[1], [E[i]]))
                g = o["group"]
                follows = (o["first"][None, :] > o["last"][:, None]) & ((g[:, None] != g[None, :]) | (g[:, None] < 0))
                if follows.any() and most >= 2:
                    pairs = np.where(follows, (lead + own)[:, None] + own[None, :], np.inf)
                    for i, k in zip(*np.unravel_index(np.argsort(pairs, axis=None)[:PAIRS_PER_ROUND], pairs.shape)):
                        if np.isfinite(pairs[i, k]):
                            found.append((pairs[i, k], best_prefix(o["first"][i])[1], [E[i], E[k]]))
                    # Triples: per middle stint its best predecessor, and the best of another group.
                    before = np.where(follows, (lead + own)[:, None], np.inf)
                    at = np.arange(len(E))
                    one = np.argmin(before, axis=0)
                    other = np.where((g[:, None] == g[one][None, :]) & (g[one][None, :] >= 0), np.inf, before)
                    two = np.argmin(other, axis=0)
                    first_ok = (g[one][:, None] != g[None, :]) | (g[one][:, None] < 0) | (g[None, :] < 0)
                    lead_in = np.where(first_ok, before[one, at][:, None], other[two, at][:, None])
                    triples = np.where(follows, lead_in + own[:, None] + own[None, :], np.inf)
                    if np.isfinite(triples).any() and most >= 3:
                        j, k = np.unravel_index(np.argmin(triples), triples.shape)
                        i = one[j] if first_ok[j, k] else two[j]
                        found.append((triples[j, k], best_prefix(o["first"][i])[1], [E[i], E[j], E[k]]))
            found.sort(key=lambda c: c[0])
            lagrangian += min(found[0][0] + base, 0.0)
            for value, keep, stints in found[:CAREERS_PER_ROUND]:
                if value + base < -1e-6 and keep is not None:
                    add_career(p, keep, stints)
                    entering += 1
        careers += entering
        offset = lp.offset_
        print(f"round {rounds}: master {objective + offset:.4f}, Lagrangian {lagrangian + offset:.4f}, "
              f"{entering} careers in, LP {lp_seconds:.2f} s, {time.time() - started:.1f} s")
        if entering == 0:
            break
    print(f"careers: {objective + offset:.4f} after {rounds} rounds, {careers} careers, "
          f"{time.time() - started:.1f} s ({lp_seconds:.1f} s in the master's LPs)")

    lp.integrality_ = []
    h.passModel(lp)
    t = time.time()
    h.run()
    print(f"the model's LP relaxation: {h.getInfo().objective_function_value:.4f} in {time.time() - t:.1f} s")


if __name__ == "__main__":
    main(sys.argv[1])
