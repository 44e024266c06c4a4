"""Benchmark of Ward merging: compiled core vs its pure-Python source, the heapq reference and sklearn's ward_tree.

Run: python bench/merge.py [--repeats 5] [--pure]   (prints a markdown table; --pure also times the uncompiled
core, which takes tens of seconds per size). Goal: compiled <= 0.1x sklearn at 47x63x384.
"""
import argparse, statistics, time
import numpy as np
from sklearn.cluster import ward_tree
from sklearn.feature_extraction.image import grid_to_graph
import mis.merge as M


def median_time(f, repeats):
    ts = []
    for _ in range(repeats):
        t0 = time.perf_counter(); f(); ts.append(time.perf_counter() - t0)
    return statistics.median(ts)


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument('--repeats', type=int, default=5)
    p.add_argument('--pure', action='store_true', help='also time the uncompiled core (slow)')
    args = p.parse_args()
    pure = M._pure_core(M.Path(M._merge_core.__file__).with_name('_merge_core.py')) if args.pure else None
    print(f"compiled core in use: {M.CORE_COMPILED}\n")
    print("| grid | D | compiled (ms) | heapq reference (ms) |" + (" pure-mode core (s) |" if pure else "") +
          " sklearn ward_tree (ms) | compiled / sklearn | compiled working memory (MB) | merges differing from sklearn |")
    print("|---|---|---|---|" + ("---|" if pure else "") + "---|---|---|---|")
    for h, w, D in [(28, 28, 768), (47, 63, 384), (56, 56, 768)]:
        X = np.random.default_rng(0).normal(size=(h, w, D)).astype(np.float32)
        n = h * w
        ch, co = np.zeros((n - 1, 2), np.int64), np.zeros(n - 1)
        Xf = X.reshape(n, D)
        M.merge_tree(X)  # warm-up
        t_c = median_time(lambda: M.merge_tree(X), args.repeats)
        peak = M._core.ward_merge(Xf, h, w, ch, co)
        t_r = median_time(lambda: M.merge_tree_reference(X), max(1, args.repeats // 2))
        G = grid_to_graph(h, w)
        t_s = median_time(lambda: ward_tree(Xf, connectivity=G), args.repeats)
        sk = ward_tree(Xf, connectivity=G)[0]
        differ = len(set(map(tuple, ch)) - set(map(tuple, sk)))
        pure_col = ''
        if pure:
            t0 = time.perf_counter(); pure.ward_merge(Xf, h, w, np.zeros_like(ch), np.zeros_like(co)); pure_col = f" {time.perf_counter() - t0:.1f} |"
        print(f"| {h}x{w} | {D} | {t_c * 1e3:.1f} | {t_r * 1e3:.0f} |{pure_col} {t_s * 1e3:.0f} | {t_c / t_s:.3f} | "
              f"{peak / 2**20:.1f} | {differ} / {n - 1} |", flush=True)


if __name__ == '__main__': main()
