"""Seconds of the training-free `TreePredictor` at 500×375 on CPU: features, merge + index (snap), first click, later clicks.

Run: `python bench/tree_predictor.py [--threads 2] [--featurizers handcrafted,lite0_handcrafted,lite2_handcrafted]`;
prints a markdown table. The features are computed at the predictor's upscale (1.5× by default), as `TreePredictor` does. Goals (issue 12): first click ≤ 0.3 s without the features, each later click ≤ 30 ms (2 cores).
The clicks are the RITM clicker's on a 500×375 synthetic scene (its ground truth drives the clicks), 20 per run.
"""
import argparse, time, statistics
import numpy as np
import torch
from mis.data import SyntheticScenes
from mis.clicks import next_click
from mis.featurize import get_featurizer, aligned_resize
from mis.merge import merge_tree
from mis.tree_predictor import TreePredictor, TreeIndex, edge_guide, feature_scale, UPSCALE


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--featurizers', default='handcrafted,lite0_handcrafted,lite2_handcrafted')
    ap.add_argument('--clicks', type=int, default=20)
    ap.add_argument('--reps', type=int, default=3)
    ap.add_argument('--upscale', type=float, default=None, help="the predictor's feature upscale (default: TreePredictor's)")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    s = SyntheticScenes(1, seed=0, size=(375, 500))[0]
    rows = []
    for name in args.featurizers.split(','):
        f = get_featurizer(name)
        up = UPSCALE if args.upscale is None else args.upscale
        scale = feature_scale(s.image.shape[:2], up)
        features = lambda: f(aligned_resize(s.image, 1, scale) if scale > 1 else s.image)   # what TreePredictor featurizes
        features()                                                    # warm-up
        t_feat, t_merge, t_index, t_first, t_later = [], [], [], [], []
        for _ in range(args.reps):
            t0 = time.perf_counter(); X = features(); t1 = time.perf_counter()
            tree = merge_tree(X, image_size=s.image.shape[:2]); t2 = time.perf_counter()
            TreeIndex(tree, s.image.shape[:2], s.image, 2, 3.0); edge_guide(s.image); t3 = time.perf_counter()
            t_feat.append(t1 - t0); t_merge.append(t2 - t1); t_index.append(t3 - t2)
            tp = TreePredictor(f, upscale=up)
            tp.index(s.image)                                         # features + merge + index, timed above
            prev, clicks = None, []
            for k in range(args.clicks):
                clicks.append(next_click(s.gt, np.zeros(s.gt.shape, bool) if prev is None else prev > 0.5, clicks))
                t0 = time.perf_counter(); prev = tp.predict(s.image, clicks, prev); dt = time.perf_counter() - t0
                (t_first if k == 0 else t_later).append(dt)
        med = statistics.median
        first_total = med(t_merge) + med(t_index) + med(t_first)
        rows.append(f"| `{name}` | {scale:g}× | {X.shape[0]}×{X.shape[1]}×{X.shape[2]} | {med(t_feat):.3f} | {med(t_merge):.3f} | {med(t_index):.3f} | "
                    f"{med(t_first) * 1e3:.1f} | {first_total:.3f} | {med(t_later) * 1e3:.1f} | {max(t_later) * 1e3:.1f} |")
    print(f"CPU, torch {torch.__version__}, {torch.get_num_threads()} threads, image 500×375 (W×H), median of {args.reps} runs, "
          f"{args.clicks} RITM clicks each\n")
    print("| featurizer | upscale | grid × D | features s | merge s | index + snap + edge guide s | 1st predict ms | 1st click s (no features) | later click ms (median) | later click ms (max) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    print('\n'.join(rows))


if __name__ == '__main__':
    main()
