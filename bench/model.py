"""Click-model speed on CPU: forward (eval, no grad) and train step (forward + backward + Adam) per image.

Usage: python bench/model.py [--threads 2] [--iters 3] [--configs tiny,vitb448] [--batch 2] [--device cpu] [--no-recipe]
Prints a markdown table. Numbers are wall-clock medians over `--iters` runs after one warm-up run.
A second table times the `cpu_tiny` training step as `train` runs it (a drawn batch, 0-3 simulated clicks,
the loss with its smoothness term, clipping, Adam) and the whole run it implies.
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
    size = model.img_size[0]
    x = torch.rand(batch, 4, size, size, device=device)
    pts = _points(batch, size=size).to(device)
    target = (torch.rand(batch, 1, size, size, device=device) > 0.5).float()
    n_params = sum(p.numel() for p in model.parameters())

    model.eval()
    def fwd():
        with torch.no_grad(): model(x, pts)
    t_fwd = _time(fwd, iters, device)

    model.train()
    opt = torch.optim.Adam(model.parameters(), lr=5e-5)
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


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--iters', type=int, default=3)
    ap.add_argument('--configs', default='tiny,vitb448')
    ap.add_argument('--batch', type=int, default=2)
    ap.add_argument('--device', default='cpu')
    ap.add_argument('--recipe', action=argparse.BooleanOptionalAction, default=True, help='also time the cpu_tiny training step')
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


if __name__ == '__main__':
    main()
