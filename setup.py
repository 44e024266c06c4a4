"""Build script: reads settings.ini the nbdev-2 way and compiles the Cython modules listed there."""
import hashlib, shlex
from configparser import ConfigParser
from pathlib import Path
import setuptools
from setuptools.command.build_ext import build_ext

here = Path(__file__).parent
cfg = ConfigParser(delimiters=['='])
cfg.read(here/'settings.ini', encoding='utf-8')
cfg = cfg['DEFAULT']

licenses = dict(apache2=('Apache Software License 2.0', 'OSI Approved :: Apache Software License'))
statuses = ['1 - Planning', '2 - Pre-Alpha', '3 - Alpha', '4 - Beta', '5 - Production/Stable', '6 - Mature', '7 - Inactive']
lic = licenses[cfg['license']]
requirements = shlex.split(cfg.get('requirements', ''))
dev_requirements = shlex.split(cfg.get('dev_requirements', ''))
extras = {'dev': dev_requirements, 'lite': shlex.split(cfg.get('lite_requirements', '')),
          'onnx': shlex.split(cfg.get('onnx_requirements', ''))}
cython_modules = cfg.get('cython_modules', '').split()


def source_hash(path) -> str:
    "sha256 of a Cython module's source, recorded next to the compiled file so a stale build can be detected"
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


class BuildExtWithHash(build_ext):
    "build_ext that also writes `<module>.build-hash` beside each compiled module (in place and in build_lib)"
    def run(self):
        super().run()
        for src in cython_modules:
            name = Path(src).with_suffix('').as_posix().replace('/', '.')
            h = source_hash(here/src)
            for root in {here, Path(self.build_lib)} if not self.inplace else {here}:
                dest = root/Path(src).with_suffix('.build-hash')
                if dest.parent.exists(): dest.write_text(h + '\n')
            ext_path = Path(self.get_ext_fullpath(name))
            if ext_path.parent.exists(): ext_path.parent.joinpath(Path(src).stem + '.build-hash').write_text(h + '\n')


def extensions():
    if not cython_modules: return []
    from Cython.Build import cythonize
    exts = [setuptools.Extension(Path(m).with_suffix('').as_posix().replace('/', '.'), [m],
                                 extra_compile_args=['-O3', '-ffp-contract=off'], define_macros=[('NPY_NO_DEPRECATED_API', 'NPY_1_7_API_VERSION')])
            for m in cython_modules]
    return cythonize(exts, language_level=3, compiler_directives=dict(boundscheck=False, wraparound=False, cdivision=True))


setuptools.setup(
    name=cfg['lib_name'], version=cfg['version'], description=cfg['description'],
    license=lic[0], author=cfg['author'], author_email=cfg['author_email'],
    classifiers=['Development Status :: ' + statuses[int(cfg['status'])], 'Intended Audience :: ' + cfg['audience'],
                 'License :: ' + lic[1], 'Natural Language :: ' + cfg['language'],
                 'Programming Language :: Python :: 3', 'Programming Language :: Cython'],
    url=cfg['git_url'], packages=setuptools.find_packages(include=['mis', 'mis.*']), include_package_data=True,
    package_data={'mis': ['assets/images/*', 'assets/models/*', '*.build-hash']},
    install_requires=requirements, extras_require=extras,
    python_requires='>=' + cfg['min_python'],
    long_description=(here/'README.md').read_text(encoding='utf-8'), long_description_content_type='text/markdown',
    zip_safe=False, ext_modules=extensions(), cmdclass={'build_ext': BuildExtWithHash},
    entry_points={'console_scripts': cfg.get('console_scripts', '').split(), 'nbdev': [f"{cfg['lib_path']}={cfg['lib_path']}._modidx:d"]},
)
