"""Click-model speed on CPU: forward (eval, no grad) and train step (forward + backward + Adam) per image.

Usage: python bench/model.py [--threads 2] [--iters 3] [--configs tiny,vitb448,cpu_lite] [--batch 2] [--device cpu] [--no-recipe] [--no-clicks]
Prints a markdown table. Numbers are wall-clock medians over `--iters` runs after one warm-up run.
A second table times the `cpu_tiny` training step as `train` runs it (a drawn batch, 0-3 simulated clicks,
the loss with its smoothness term, clipping, Adam) and the whole run it implies.
A third table times one click of the shipped model (`mis.model.shipped_model`) through the evaluation's `Predictor`
(zoom-in to the model's `predict_size`, and to 448; flip) on the shipped photos, and of the training-free `TreePredictor` (goal: <= 0.2 s per click on 2 cores).
"""
import argparse, itertools, os, platform, statistics, time
import numpy as np
import torch
import torch.nn.functional as F
from mis.model import click_model


def _points(batch, n=24, size=448, seed=0):
    "Training-layout points: 3 positive and 2 negative clicks per sample, the rest unused."
    g = torch.Generator().manual_seed(seed)
    pts = -torch.ones(batch, 2 * n, 3)
    pts[:, :3, :2] = torch.rand(batch, 3, 2, generator=g) * size
    pts[:, n:n + 2, :2] = torch.rand(batch, 2, 2, generator=g) * size
    pts[:, :3, 2] = torch.tensor([0., 100, 100]); pts[:, n:n + 2, 2] = 100
    return pts


def _time(fn, iters, device):
    fn()                                             # warm-up
    ts = []
    for _ in range(iters):
        if device.type == 'cuda': torch.cuda.synchronize()
        t = time.perf_counter(); fn()
        if device.type == 'cuda': torch.cuda.synchronize()
        ts.append(time.perf_counter() - t)
    return statistics.median(ts)


def bench(name, batch, iters, device):
    torch.manual_seed(0)
    model = click_model(name).to(device)
    size = model.img_size[0] if hasattr(model, 'img_size') else 448   # cpu_lite takes any multiple of 32: time it at the predictor's 448
    x = torch.rand(batch, 4, size, size, device=device)
    pts = _points(batch, size=size).to(device)
    target = (torch.rand(batch, 1, size, size, device=device) > 0.5).float()
    n_params = sum(p.numel() for p in model.parameters())

    model.eval()
    def fwd():
        with torch.no_grad(): model(x, pts)
    t_fwd = _time(fwd, iters, device)

    model.train()
    opt = torch.optim.Adam(model.param_groups(5e-5) if hasattr(model, 'param_groups') else model.parameters(), lr=5e-5)
    def step():
        loss = F.binary_cross_entropy_with_logits(model(x, pts)['instances'], target)
        opt.zero_grad(set_to_none=True); loss.backward(); opt.step()
    t_step = _time(step, iters, device)
    return dict(config=name, input=f'{size}×{size}', params=f'{n_params / 1e6:.1f} M', batch=batch,
                fwd=t_fwd / batch, step=t_step / batch)


def bench_recipe(iters, device, n_scenes=16):
    "The `cpu_tiny` step as `mis.train.train` runs it: draw a batch, then `train_step` with 0-3 simulated clicks."
    from torch.utils.data import default_collate
    from mis.train import get_config, synthetic_training_set, train_step
    c = get_config('cpu_tiny')
    ds = synthetic_training_set(n_scenes, seed=0, size=c.synthetic_size, featurizer=c.featurizer, progress=False, crop=c.crop)
    torch.manual_seed(0)
    model = click_model(c.model, **c.model_args).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=c.lr)
    order = itertools.cycle(range(len(ds)))
    draw = lambda: default_collate([ds[next(order)] for _ in range(c.batch_size)])
    t_draw = _time(draw, iters, device)
    batch, rng = draw(), np.random.default_rng(0)
    t_steps = [_time(lambda: train_step(model, batch, opt, n, rng, device, c.smooth_weight, c.max_points, clip_grad=c.clip_grad),
                     iters, device) for n in range(c.max_next_clicks + 1)]
    steps = c.epochs * (c.n_synthetic // c.batch_size)
    per_step = t_draw + statistics.mean(t_steps)          # the number of simulated clicks is uniform in 0..max_next_clicks
    return dict(batch=c.batch_size, crop=c.crop, draw=t_draw, steps=t_steps, per_step=per_step, n_steps=steps, total=steps * per_step)


def bench_clicks(n_clicks=5, seed=0):
    "Seconds per click of the shipped model through `Predictor` (zoom-in 448, flip) and of `TreePredictor`, on the shipped photos."
    from mis.model import shipped_model, Predictor
    from mis.evaluate import TreePredictor
    from mis.io import sample_images, load_image
    images = [load_image(p) for p in sample_images()]
    rows = []
    model = shipped_model()
    for name, make in (('shipped cpu_lite, Predictor at its predict_size {}, zoom-in + flip', lambda: Predictor(model)),
                       ('shipped cpu_lite, Predictor at its predict_size {}, zoom-in, no flip', lambda: Predictor(model, flip=False)),
                       ('shipped cpu_lite, Predictor 448, zoom-in + flip', lambda: Predictor(model, target_size=448)),
                       ('TreePredictor (default features)', lambda: TreePredictor('default'))):
        pred, per_click, first = make(), [], []
        name = name.format(getattr(pred, 'target_size', ('',))[0])
        for im in images:
            H, W = im.shape[:2]
            rng = np.random.default_rng(seed)
            clicks = [(H // 2, W // 2, True)] + [(int(rng.integers(H)), int(rng.integers(W)), bool(rng.integers(2))) for _ in range(n_clicks - 1)]
            if hasattr(pred, 'reset'): pred.reset()
            prob = None
            for k in range(n_clicks):
                t = time.perf_counter(); prob = pred.predict(im, clicks[:k + 1], prob); dt = time.perf_counter() - t
                (first if k == 0 else per_click).append(dt)
        rows.append(dict(name=name, first=statistics.median(first), later=statistics.median(per_click),
                         mean=(sum(first) + sum(per_click)) / (len(first) + len(per_click))))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--iters', type=int, default=3)
    ap.add_argument('--configs', default='tiny,vitb448,cpu_lite')
    ap.add_argument('--batch', type=int, default=2)
    ap.add_argument('--device', default='cpu')
    ap.add_argument('--recipe', action=argparse.BooleanOptionalAction, default=True, help='also time the cpu_tiny training step')
    ap.add_argument('--clicks', action=argparse.BooleanOptionalAction, default=True, help='also time a click of the shipped model and the tree predictor')
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    device = torch.device(a.device)
    rows = [bench(c, a.batch, a.iters, device) for c in a.configs.split(',')]
    where = torch.cuda.get_device_name(device) if device.type == 'cuda' else f'CPU, {a.threads} threads'
    print(f"Click model speed ({where}; torch {torch.__version__}; batch {a.batch}; median of {a.iters}; "
          f"load avg {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)\n")
    print('| config | input | params | forward (s/image) | train step (s/image) |')
    print('|---|---|---|---|---|')
    for r in rows:
        print(f"| {r['config']} | {r['input']} | {r['params']} | {r['fwd']:.3f} | {r['step']:.3f} |")
    if a.recipe:
        r = bench_recipe(a.iters, device)
        print(f"\n`cpu_tiny` training step (batch {r['batch']} at {r['crop']}×{r['crop']}; s per step)\n")
        print('| draw batch | step, 0 / 1 / 2 / 3 simulated clicks | mean step | steps | whole run |')
        print('|---|---|---|---|---|')
        print(f"| {r['draw']:.3f} | {' / '.join(f'{t:.3f}' for t in r['steps'])} | {r['per_step']:.3f} | {r['n_steps']} | "
              f"{r['total']:.0f} s ({r['total'] / 60:.1f} min) |")
    if a.clicks:
        print(f"\nSeconds per click on the shipped photos (5 clicks each; median of the first click, which also prepares the image, and of the later ones)\n")
        print('| predictor | first click | later clicks | mean |')
        print('|---|---|---|---|')
        for r in bench_clicks():
            print(f"| {r['name']} | {r['first']:.3f} | {r['later']:.3f} | {r['mean']:.3f} |")


if __name__ == '__main__':
    main()
