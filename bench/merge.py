"""Benchmark of Ward merging: the compiled core against the original C++ op, sklearn's ward_tree, and optionally a previous
build of the core, the readable reference and the uncompiled core.

Run: python bench/merge.py [--repeats 15] [--original DIR_OR_SO] [--baseline SO] [--reference] [--pure]

Prints a markdown table, one row per grid size and kind of features:
- `random`: i.i.d. standard normal features (many near-ties, the hardest case for the heap);
- `smooth`: realistic, spatially smooth features: per channel, normal noise blurred over the grid (Gaussian, sigma 3
  patches), scaled to unit variance, plus 0.1 normal noise (what DINO-like patch features look like to the merge).

`--original` points to a build of the original's `_C` extension (`bottom_up_merging`; built from its public code, not
shipped here), `--baseline` to another build of `mis/_merge_core` (e.g. the previous version's `.so`). All timed
implementations run interleaved in the same process, repeat by repeat, so machine load hits them alike; times are medians.
The trees are compared too: `same tree` says whether ours is merge for merge the original's (else sklearn's, float64, which
parts ways on near-ties).

Goal: compiled <= 0.5x the original at 47x63x384 on smooth features.
"""
import argparse, importlib.util, statistics, sys, time
from pathlib import Path
import numpy as np
from scipy.ndimage import gaussian_filter
from sklearn.cluster import ward_tree
from sklearn.feature_extraction.image import grid_to_graph
import mis.merge as M


def features(kind: str, h: int, w: int, D: int, seed: int = 0) -> np.ndarray:
    "(h*w, D) float32 features of the given kind ('random' or 'smooth'), rows in row-major grid order."
    rng = np.random.default_rng(seed)
    if kind == 'random': return rng.standard_normal((h * w, D)).astype(np.float32)
    X = gaussian_filter(rng.standard_normal((h, w, D)), sigma=(3, 3, 0))
    X = X / X.std() + 0.1 * rng.standard_normal((h, w, D))
    return X.astype(np.float32).reshape(h * w, D)


def load_extension(path: str, name: str):
    "Import a compiled extension module `name` from a file (or the first `name`*.so in a folder)."
    p = Path(path)
    if p.is_dir(): p = next(iter(sorted(p.glob(f'{name}*.so'))), p/f'{name}.so')
    if not p.exists(): sys.exit(f"bench/merge.py: {p}: no compiled {name} module there")
    spec = importlib.util.spec_from_file_location(name, p)
    mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)
    return mod


def merge_tree_with(core, X, h, w):
    "`mis.merge.merge_tree`'s work (checks, core, tree layout) with another build of the core."
    X = M._check_features(X, (h, w))
    n = h * w
    children, costs = np.zeros((n - 1, 2), np.int64), np.zeros(n - 1)
    core.ward_merge(X.reshape(n, -1), h, w, children, costs)
    return M.MergeTree(children, costs, (h, w))


def interleaved_medians(fns: dict, repeats: int) -> dict:
    "Median seconds of each function, timed round-robin."
    times = {k: [] for k in fns}
    for _ in range(repeats):
        for k, f in fns.items():
            t0 = time.perf_counter(); f(); times[k].append(time.perf_counter() - t0)
    return {k: statistics.median(v) for k, v in times.items()}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--repeats', type=int, default=15)
    p.add_argument('--original', help="the original's compiled `_C` extension (a .so, or the folder holding it)")
    p.add_argument('--baseline', help='another build of mis/_merge_core (a .so) to time alongside')
    p.add_argument('--reference', action='store_true', help='also time the readable plain-Python reference (seconds)')
    p.add_argument('--pure', action='store_true', help='also time the uncompiled core (seconds)')
    p.add_argument('--sizes', default='28x28x768,47x63x384,56x56x768', help='comma-separated HxWxD grids')
    args = p.parse_args()
    if args.repeats < 1: p.error('--repeats must be >= 1')
    original = load_extension(args.original, '_C') if args.original else None
    baseline = load_extension(args.baseline, '_merge_core') if args.baseline else None
    pure = M._pure_core(Path(M._merge_core.__file__).with_name('_merge_core.py')) if args.pure else None
    print(f"compiled core in use: {M.CORE_COMPILED}; original: {args.original or '-'}; baseline: {args.baseline or '-'}\n")
    cols = ['grid', 'D', 'features', 'compiled (ms)'] + (['baseline (ms)'] if baseline else []) + \
           (['original (ms)', 'compiled / original'] + (['baseline / original'] if baseline else []) + ['same tree as original'] if original else []) + \
           ['sklearn (ms)', 'compiled / sklearn', 'merges differing from sklearn'] + (['reference (s)'] if args.reference else []) + \
           (['pure-mode core (s)'] if pure else []) + ['working memory (MB)']
    print('| ' + ' | '.join(cols) + ' |\n' + '|---' * len(cols) + '|')
    for size in args.sizes.split(','):
        h, w, D = (int(v) for v in size.lower().split('x'))
        for kind in ['random', 'smooth']:
            X = features(kind, h, w, D)
            n = h * w
            ch, co = np.zeros((n - 1, 2), np.int64), np.zeros(n - 1)
            G = grid_to_graph(h, w)
            fns = {'compiled': lambda: M.merge_tree(X, grid=(h, w))}
            if baseline: fns['baseline'] = lambda: merge_tree_with(baseline, X, h, w)
            if original: fns['original'] = lambda: original.bottom_up_merging(X, h, w)
            fns['sklearn'] = lambda: ward_tree(X, connectivity=G)
            for f in fns.values(): f()  # warm-up
            t = interleaved_medians({k: f for k, f in fns.items() if k != 'sklearn'}, args.repeats)
            t['sklearn'] = interleaved_medians({'sklearn': fns['sklearn']}, max(1, args.repeats // 5))['sklearn']
            peak = M._core.ward_merge(X, h, w, ch, co)
            sk = ward_tree(X, connectivity=G)[0]
            row = [f'{h}x{w}', D, kind, f"{t['compiled'] * 1e3:.1f}"] + ([f"{t['baseline'] * 1e3:.1f}"] if baseline else [])
            if original:
                same = np.array_equal(np.array(original.bottom_up_merging(X, h, w), np.int64).reshape(-1, 2), ch)
                row += [f"{t['original'] * 1e3:.1f}", f"{t['compiled'] / t['original']:.2f}"] + \
                       ([f"{t['baseline'] / t['original']:.2f}"] if baseline else []) + ['yes' if same else '**no**']
            row += [f"{t['sklearn'] * 1e3:.0f}", f"{t['compiled'] / t['sklearn']:.3f}", f"{len(set(map(tuple, ch)) - set(map(tuple, sk)))} / {n - 1}"]
            if args.reference:
                t0 = time.perf_counter(); M.merge_tree_reference(X.reshape(h, w, D)); row.append(f'{time.perf_counter() - t0:.1f}')
            if pure:
                t0 = time.perf_counter(); pure.ward_merge(X, h, w, np.zeros_like(ch), np.zeros_like(co)); row.append(f'{time.perf_counter() - t0:.1f}')
            row.append(f'{peak / 2**20:.1f}')
            print('| ' + ' | '.join(map(str, row)) + ' |', flush=True)


if __name__ == '__main__': main()
