"Timing of the widgets' redraws (CPU time, so other load on the machine matters less). Run: python bench/widgets.py"
import numpy as np, time, io
from PIL import Image
from mis.io import sample_images, load_image
from mis.featurize import get_featurizer
from mis.merge import merge_tree
from mis.widgets import MergeTreeExplorer, ClickWidget, png_bytes

def tm(fn, n=20):
    fn(); t0 = time.process_time()
    for _ in range(n): fn()
    return (time.process_time() - t0) / n * 1000

im = np.asarray(Image.fromarray(load_image(sample_images()[2])).resize((500, 375)))
class Fixed:
    def predict(self, image, clicks, prev):
        yy, xx = np.mgrid[:375, :500]; return (((yy - 180) / 100) ** 2 + ((xx - 250) / 140) ** 2 < 1).astype(np.float32)
cw = ClickWidget(im, Fixed()); cw.add_click(180, 250); cw.add_click(100, 100, False)
rows = [('ClickWidget.render (500×375)', tm(cw.render)), ('png_bytes (500×375 RGB)', tm(lambda: png_bytes(cw.render()))),
        ('PIL PNG, compress_level=1 (500×375 RGB)', tm(lambda: Image.fromarray(cw.render()).save(io.BytesIO(), format='PNG', compress_level=1))),
        ('ClickWidget redraw = render + png + widget update', tm(cw._refresh))]
f = get_featurizer('default'); t = merge_tree(f(im), image_size=im.shape[:2])
ex = MergeTreeExplorer(im, t)
ks = np.linspace(0, t.n_leaves - 2, 20).astype(int); it = iter(np.tile(ks, 100))
rows += [(f'MergeTreeExplorer.set_step ({t.n_leaves} leaves, bottom-up tab, 3 images)', tm(lambda: ex.set_step(next(it)))),
         ('MergeTreeExplorer.select_at (hover)', tm(lambda: ex.select_at(200, 250)))]
ex.tabs.selected_index = 1
rows += [('MergeTreeExplorer.set_step (top-down tab)', tm(lambda: ex.set_step(next(it))))]
print('| what | ms (CPU) |\n|---|---|')
for r, v in rows: print(f'| {r} | {v:.1f} |')
