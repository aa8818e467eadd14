"""Writes generated.ts: the exact names (module.qualname) the pickle scanner allows, and Python 2 name mappings.

Run with Debian 12's Python and its packages (python3-torch, python3-sklearn, python3-scipy, python3-xgboost,
python3-joblib, python3-numpy):   /usr/bin/python3 src/artifact/scan/allowlist/generate.py
then `npx prettier --write src/artifact/scan/allowlist/generated.ts`.

The lists are versioned: they name what the installed libraries define (written at the top of the output).
A checkpoint from a newer library that pickles a class these versions lack is reported unsafe until the
list is regenerated, or the user names the class in allow-globals. Nothing here is a prefix: a name is
allowed only if it is on a list exactly.
"""
import _compat_pickle
import importlib
import inspect
import os
import pkgutil
import sys
import types
import warnings

import joblib
import numpy
import scipy
import sklearn
import torch
import xgboost

warnings.filterwarnings("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))


def qualified(obj):
    return f"{obj.__module__}.{obj.__qualname__}"


# ---- torch: what torch.load(weights_only=True) accepts, plus standard nn.Module classes ----
from torch._weights_only_unpickler import _get_allowed_globals

torch_names = set(_get_allowed_globals())
# Names newer torch (2.x) added to _get_allowed_globals (torch/_weights_only_unpickler.py): the installed 1.13 lacks them.
torch_names |= {
    "collections.Counter",
    "torch.device",
    "_codecs.encode",
    "builtins.bytearray",
    "builtins.set",
    "builtins.complex",
    "torch._tensor._rebuild_from_type_v2",
    "torch._utils._rebuild_parameter_with_state",
    "torch._utils._rebuild_qtensor",
    "torch._utils._rebuild_tensor_v3",
    "torch._utils._rebuild_wrapper_subclass",
    "torch._utils._rebuild_device_tensor_from_numpy",
    "torch._utils._rebuild_device_tensor_from_cpu_tensor",
    "torch.per_tensor_affine",
    "torch.per_tensor_symmetric",
    "torch.per_channel_affine",
    "torch.per_channel_symmetric",
    "torch.per_channel_affine_float_qparams",
    "torch.UntypedStorage",
    "torch.BFloat16Storage",
    "torch.bfloat16",
    "torch.bool",
    "torch.uint8",
    "torch.uint16",
    "torch.uint32",
    "torch.uint64",
    "torch.quint8",
    "torch.qint8",
    "torch.qint32",
    "torch.quint4x2",
    "torch.quint2x4",
    "torch.float8_e4m3fn",
    "torch.float8_e5m2",
    "torch.float8_e4m3fnuz",
    "torch.float8_e5m2fnuz",
    "torch.float8_e8m0fnu",
    "torch.float4_e2m1fn_x2",
    "torch.bits1x8",
    "torch.bits2x4",
    "torch.bits4x2",
    "torch.bits8",
    "torch.bits16",
}
torch_names |= {f"torch.int{x}" for x in range(1, 8)} | {f"torch.uint{x}" for x in range(1, 8)}
for name in dir(torch):
    value = getattr(torch, name)
    if isinstance(value, torch.dtype):
        torch_names.add(f"torch.{name}")
torch_modules = set()
import torch.nn.modules as nn_modules

for info in pkgutil.walk_packages(nn_modules.__path__, "torch.nn.modules."):
    module = importlib.import_module(info.name)
    for _, obj in inspect.getmembers(module, inspect.isclass):
        if issubclass(obj, torch.nn.Module) and obj.__module__.startswith("torch.nn."):
            torch_modules.add(qualified(obj))
torch_modules |= {"torch.nn.parameter.Parameter", "torch.nn.parameter.Buffer", "torch.nn.parameter.UninitializedParameter", "torch.nn.parameter.UninitializedBuffer"}

# ---- numpy: reconstructors, dtypes, scalar types, ufuncs, random generators (numpy 1.x and 2.x spellings) ----
numpy_names = set()
for core in ["numpy.core", "numpy._core"]:
    numpy_names |= {f"{core}.multiarray._reconstruct", f"{core}.multiarray.scalar", f"{core}.numeric._frombuffer", f"{core}.multiarray.ndarray", f"{core}.multiarray.dtype"}
numpy_names |= {"numpy.ndarray", "numpy.dtype", "numpy.ma.core._mareconstruct", "numpy.ma.core.MaskedArray", "numpy.matrix", "numpy.matrixlib.defmatrix.matrix", "numpy.recarray", "numpy.core.records.recarray", "numpy._core.records.recarray", "numpy.record", "numpy.memmap", "numpy.core.memmap.memmap"}
for name in sorted(set(numpy.sctypeDict.values()), key=str):
    numpy_names.add(f"numpy.{name.__name__}")
for name in ["bool_", "object_", "str_", "bytes_", "void", "datetime64", "timedelta64", "generic", "number", "integer", "floating", "complexfloating", "signedinteger", "unsignedinteger", "float16", "float32", "float64", "longdouble", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "complex64", "complex128", "clongdouble", "intc", "uintc", "intp", "uintp", "longlong", "ulonglong", "bool"]:
    numpy_names.add(f"numpy.{name}")
dtype_classes = ["Bool", "Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64", "Float16", "Float32", "Float64", "LongDouble", "Complex64", "Complex128", "CLongDouble", "Object", "Bytes", "Str", "Void", "DateTime64", "TimeDelta64", "Byte", "UByte", "Short", "UShort", "Int", "UInt", "Long", "ULong", "LongLong", "ULongLong", "StringDType"]
numpy_names |= {f"numpy.dtypes.{name}DType" for name in dtype_classes if not name.endswith("DType")} | {"numpy.dtypes.StringDType"}
for name in dir(numpy):
    if isinstance(getattr(numpy, name), numpy.ufunc):
        numpy_names.add(f"numpy.{name}")
numpy_names |= {
    "numpy.random._pickle.__randomstate_ctor",
    "numpy.random._pickle.__bit_generator_ctor",
    "numpy.random._pickle.__generator_ctor",
    "numpy.random.mtrand.RandomState",
    "numpy.random._generator.Generator",
    "numpy.random._mt19937.MT19937",
    "numpy.random._pcg64.PCG64",
    "numpy.random._pcg64.PCG64DXSM",
    "numpy.random._philox.Philox",
    "numpy.random._sfc64.SFC64",
    "numpy.random.bit_generator.SeedSequence",
    "numpy.random.bit_generator.__pyx_unpickle_SeedSequence",
}

# ---- scikit-learn: every class it defines, its Cython unpickle helpers, and the public functions estimators take as parameters ----
SKIP = ("tests", "_testing", "_mocking", "estimator_checks", "externals", "_build_utils", "conftest", "__check_build", "_show_versions", "setup")
sklearn_names = set()
for info in pkgutil.walk_packages(sklearn.__path__, "sklearn."):
    if any(part in SKIP or part.startswith("test") for part in info.name.split(".")):
        continue
    try:
        module = importlib.import_module(info.name)
    except Exception:
        continue
    for name, obj in vars(module).items():
        if inspect.isclass(obj) and getattr(obj, "__module__", "") == info.name:
            sklearn_names.add(qualified(obj))
        elif callable(obj) and (name.startswith("__pyx_unpickle_") or name == "newObj"):
            sklearn_names.add(f"{info.name}.{name}")
function_modules = ["sklearn.metrics", "sklearn.metrics.pairwise", "sklearn.feature_selection", "sklearn.preprocessing"]
for module_name in function_modules:
    module = importlib.import_module(module_name)
    for name in getattr(module, "__all__", dir(module)):
        obj = getattr(module, name, None)
        if inspect.isfunction(obj) and obj.__module__.startswith("sklearn."):
            sklearn_names.add(qualified(obj))

# ---- scipy: sparse matrices and arrays (current and pre-1.8 module paths), frozen distributions ----
import scipy.sparse
import scipy.stats

scipy_names = set()
for info in pkgutil.iter_modules(scipy.sparse.__path__, "scipy.sparse."):
    try:
        module = importlib.import_module(info.name)
    except Exception:
        continue
    for name, obj in vars(module).items():
        if inspect.isclass(obj) and obj.__module__ == info.name and ("matrix" in name or "array" in name):
            scipy_names.add(qualified(obj))
for kind in ["csr", "csc", "coo", "lil", "dok", "dia", "bsr"]:
    scipy_names.add(f"scipy.sparse.{kind}.{kind}_matrix")
    scipy_names.add(f"scipy.sparse._{kind}.{kind}_matrix")
    scipy_names.add(f"scipy.sparse._{kind}.{kind}_array")
for module_name in ["scipy.stats._distn_infrastructure", "scipy.stats._continuous_distns", "scipy.stats._discrete_distns"]:
    module = importlib.import_module(module_name)
    for name, obj in vars(module).items():
        if inspect.isclass(obj) and obj.__module__ == module_name and (name.endswith("_gen") or name.startswith("rv_")):
            scipy_names.add(qualified(obj))

# ---- gradient boosting libraries (lightgbm is not packaged by Debian: its names are written out by hand) ----
xgboost_names = {qualified(c) for c in [xgboost.XGBClassifier, xgboost.XGBRegressor, xgboost.XGBRanker, xgboost.XGBRFClassifier, xgboost.XGBRFRegressor, xgboost.XGBModel, xgboost.Booster]}
lightgbm_names = {"lightgbm.sklearn.LGBMClassifier", "lightgbm.sklearn.LGBMRegressor", "lightgbm.sklearn.LGBMRanker", "lightgbm.sklearn.LGBMModel", "lightgbm.basic.Booster"}

# ---- the Python standard library: containers and value types only ----
stdlib_names = {
    "builtins.set", "builtins.frozenset", "builtins.bytearray", "builtins.bytes", "builtins.complex", "builtins.slice", "builtins.range",
    "builtins.object", "builtins.int", "builtins.float", "builtins.bool", "builtins.str", "builtins.list", "builtins.dict", "builtins.tuple",
    "collections.OrderedDict", "collections.defaultdict", "collections.Counter", "collections.deque",
    "copyreg._reconstructor", "copyreg.__newobj__", "copyreg.__newobj_ex__", "_codecs.encode",
    "datetime.date", "datetime.datetime", "datetime.time", "datetime.timedelta", "datetime.timezone",
    "decimal.Decimal", "fractions.Fraction", "uuid.UUID", "argparse.Namespace", "types.SimpleNamespace",
    "pathlib.Path", "pathlib.PosixPath", "pathlib.WindowsPath", "pathlib.PurePath", "pathlib.PurePosixPath", "pathlib.PureWindowsPath",
}
joblib_names = {"joblib.numpy_pickle.NumpyArrayWrapper"}

sections = [
    ("TORCH", "torch.load(weights_only=True)'s allowlist (torch %s, plus names torch 2.x added)" % torch.__version__, torch_names),
    ("TORCH_MODULES", "torch.nn module classes defined by torch %s (a pickled nn.Module)" % torch.__version__, torch_modules),
    ("NUMPY", "numpy %s reconstructors, dtypes, scalar types, ufuncs and random generators (numpy.core and numpy._core)" % numpy.__version__, numpy_names),
    ("SKLEARN", "every class scikit-learn %s defines, its Cython unpickle helpers, public metric and scoring functions" % sklearn.__version__, sklearn_names),
    ("SCIPY", "scipy %s sparse matrices and arrays, distribution classes" % scipy.__version__, scipy_names),
    ("BOOSTING", "xgboost %s estimators and Booster; lightgbm estimators and Booster" % xgboost.__version__, xgboost_names | lightgbm_names),
    ("STDLIB", "Python containers and value types, copyreg reconstructors, joblib %s's array wrapper" % joblib.__version__, stdlib_names | joblib_names),
]
DENY = {"builtins.eval", "builtins.exec", "builtins.getattr", "builtins.__import__", "builtins.open", "builtins.compile"}
out = [
    "// Generated by generate.py beside this file; do not edit by hand.",
    "// Python %s; torch %s, numpy %s, scikit-learn %s, scipy %s, xgboost %s, joblib %s (Debian 12 packages)."
    % (sys.version.split()[0], torch.__version__, numpy.__version__, sklearn.__version__, scipy.__version__, xgboost.__version__, joblib.__version__),
    "",
    "/** Library versions the lists below were read from. */",
    "export const ALLOWLIST_VERSIONS = {",
    f"  python: '{sys.version.split()[0]}',",
    f"  torch: '{torch.__version__}',",
    f"  numpy: '{numpy.__version__}',",
    f"  'scikit-learn': '{sklearn.__version__}',",
    f"  scipy: '{scipy.__version__}',",
    f"  xgboost: '{xgboost.__version__}',",
    f"  joblib: '{joblib.__version__}'",
    "}",
    "",
]
for const, comment, names in sections:
    assert not (names & DENY), names & DENY
    for name in names:
        assert all(part.isidentifier() for part in name.split(".")), name
    out.append(f"/** {comment}: {len(names)} names. */")
    out.append(f"export const {const} = `")
    out.extend(sorted(names))
    out.append("`")
    out.append("")
# Python 2 names that pickle maps to Python 3 ones for protocols 0-2 (Lib/_compat_pickle.py)
out.append("/** Python 2 (module, name) pairs pickle renames for protocols 0-2 (Lib/_compat_pickle.py NAME_MAPPING). */")
out.append("export const NAME_MAPPING = `")
out.extend(f"{m} {n} {m3} {n3}" for (m, n), (m3, n3) in sorted(_compat_pickle.NAME_MAPPING.items()))
out.append("`")
out.append("")
out.append("/** Python 2 modules pickle renames for protocols 0-2 (Lib/_compat_pickle.py IMPORT_MAPPING). */")
out.append("export const IMPORT_MAPPING = `")
out.extend(f"{m} {m3}" for m, m3 in sorted(_compat_pickle.IMPORT_MAPPING.items()))
out.append("`")
with open(os.path.join(HERE, "generated.ts"), "w") as handle:
    handle.write("\n".join(out) + "\n")
print({const: len(names) for const, _, names in sections})
