#!/usr/bin/env python3
"""Write README.md from nbs/index.ipynb (markdown cells verbatim, visible code cells as fenced blocks).

nbdev's own `nbdev_readme` needs quarto, which cannot be installed everywhere this kit runs, so this small
script does the same job. `--check` exits 1 when README.md is out of date (used by .ci/run).
"""
import json, re, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent

def readme_text() -> str:
    nb = json.loads((root/'nbs'/'index.ipynb').read_text(encoding='utf-8'))
    parts = ['<!-- generated from nbs/index.ipynb by tools/make_readme.py: edit the notebook, not this file -->']
    for c in nb['cells']:
        src = ''.join(c['source']).strip()
        if not src: continue
        if c['cell_type'] == 'markdown':
            # images are referenced relative to nbs/ in the notebook
            src = re.sub(r'\]\((?!https?:|/|#)([^)]+)\)', lambda m: f"]({'nbs/' + m.group(1) if (root/'nbs'/m.group(1)).exists() else m.group(1)})", src)
            parts.append(src)
        elif c['cell_type'] == 'code':
            if re.match(r'^#\|\s*(hide|export|default_exp)', src): continue
            parts.append('```python\n' + src + '\n```')
    return '\n\n'.join(parts) + '\n'

if __name__ == '__main__':
    text, dest = readme_text(), root/'README.md'
    if '--check' in sys.argv:
        ok = dest.exists() and dest.read_text(encoding='utf-8') == text
        print('README.md is in sync with nbs/index.ipynb' if ok else 'README.md is out of date: run `python tools/make_readme.py`')
        sys.exit(0 if ok else 1)
    dest.write_text(text, encoding='utf-8')
    print(f'wrote {dest}')
