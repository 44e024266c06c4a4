"""Time per evaluation click (`mis.clicks.next_click`): the bounding-box EDT path against the plain full-image EDT.

Usage: python bench/clicks.py [--repeats N]   (prints a markdown table)
"""
import argparse, time
import numpy as np
from scipy import ndimage
from mis.clicks import next_click, Click, _padded_edt

def next_click_plain(gt, pred, clicks=()):
    "The rule on full-size maps (the reference path)."
    fn, fp = gt & ~pred, ~gt & pred
    not_clicked = np.ones(gt.shape, bool)
    for c in clicks: not_clicked[c[0], c[1]] = False
    dn, dp = _padded_edt(fn) * not_clicked, _padded_edt(fp) * not_clicked
    pos = dn.max() > dp.max()
    y, x = np.unravel_index((dn if pos else dp).argmax(), gt.shape)
    return Click(int(y), int(x), bool(pos))

def scenes(h, w):
    "(name, gt, pred): the first click (empty prediction) and a later click (a good prediction with small errors)."
    yy, xx = np.mgrid[:h, :w]
    gt = (yy - h * 0.5) ** 2 / (h * 0.3) ** 2 + (xx - w * 0.45) ** 2 / (w * 0.25) ** 2 < 1
    later = np.roll(gt, (3, -2), (0, 1))
    later[int(h * 0.3):int(h * 0.3) + h // 20, int(w * 0.4):int(w * 0.4) + w // 20] ^= True
    return [('first click (empty prediction)', gt, np.zeros_like(gt)), ('later click (small errors)', gt, later)]

def best_time(f, repeats):
    ts = []
    for _ in range(repeats):
        t0 = time.perf_counter(); f(); ts.append(time.perf_counter() - t0)
    return min(ts)

if __name__ == '__main__':
    ap = argparse.ArgumentParser(); ap.add_argument('--repeats', type=int, default=7); args = ap.parse_args()
    print('| image | case | plain EDT (ms) | bbox EDT (ms) | speed-up |')
    print('|---|---|---|---|---|')
    for h, w in ((375, 500), (1080, 1920)):
        for name, gt, pred in scenes(h, w):
            assert next_click(gt, pred) == next_click_plain(gt, pred)
            tp = best_time(lambda: next_click_plain(gt, pred), args.repeats)
            tb = best_time(lambda: next_click(gt, pred), args.repeats)
            print(f'| {w}×{h} | {name} | {tp * 1e3:.1f} | {tb * 1e3:.1f} | {tp / tb:.1f}× |')
